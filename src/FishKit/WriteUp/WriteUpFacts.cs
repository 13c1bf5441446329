namespace FishKit.WriteUp;

/// <summary>
/// Facts about the write-up's video and labels that its part 2 states in prose (the numbers of its results are in
/// <see cref="WriteUpResults"/>), so that notebooks and their tests cite them from one place.
/// </summary>
public static class WriteUpFacts
{
    /// <summary>The camera's frame rate: "recorded at 30fps".</summary>
    public const int FramesPerSecond = 30;

    /// <summary>The recording's length: "for 30 mins".</summary>
    public const int RecordingMinutes = 30;

    /// <summary>Frames exported by the video editor: "a set of ~54000 frames".</summary>
    public const int ExportedFramesAbout = 54_000;

    /// <summary>The stored frames' width and height in pixels.</summary>
    public const int FrameWidth = 320, FrameHeight = 240;

    /// <summary>A clip's length in seconds: 30 steps of 4 frames.</summary>
    public const double ClipSeconds = 4;

    /// <summary>The labelling rule's look-ahead in seconds: h = 45 frames.</summary>
    public const double LookAheadSeconds = 1.5;

    /// <summary>The median length of the write-up's runs of positive labels, in frames.</summary>
    public const int MedianPositiveRun = 3;

    /// <summary>The test frames its results table scored: 119 .. 5,355 of 5,367 (up to T - <see cref="Baselines.AlgorithmicBaseline.WriteUpEndMargin"/>).</summary>
    public const int ScoredTestFrames = 5_237;

    /// <summary>The year the write-up was published.</summary>
    public const int Year = 2021;
}
