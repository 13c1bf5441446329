namespace FishKit;

/// <summary>
/// Something a refusal tells the user to pass or run, which each front end words in its own terms: a flag and a
/// command on the command line, an argument and a method in a notebook (which calls the library). A message template
/// holds a term as <see cref="FishKitException.Say"/> gives it; <c>FishKitException.Message</c> words it as the
/// library's API does (<see cref="FishKitException.Library"/>), and the CLI prints the same error with its own words (its CliTerms).
/// </summary>
public enum Term
{
    /// <summary>Replacing an output that exists: <c>force: true</c>; <c>--force</c>.</summary>
    Force,

    /// <summary>Packing frames into a frame store: <c>FramePacker.Pack</c>; <c>fishkit frames pack</c>.</summary>
    PackFrames,

    /// <summary>The crop rectangle: <c>crop</c>; <c>--crop</c>.</summary>
    Crop,

    /// <summary>The frame rate of an extraction: <c>fps</c>; <c>--fps</c>.</summary>
    Fps,

    /// <summary>The frame size of an extraction: <c>size</c>; <c>--size</c>.</summary>
    Size,

    /// <summary>Where an extraction starts: <c>start</c>; <c>--start</c>.</summary>
    Start,

    /// <summary>How long an extraction runs: <c>duration</c>; <c>--duration</c>.</summary>
    Duration,

    /// <summary>The output folder: <c>output</c>; <c>--out</c>.</summary>
    Output,

    /// <summary>A training run's folder: one <c>Runs.Train</c> wrote; the <c>--out</c> folder of <c>fishkit train</c>.</summary>
    TrainOutput,

    /// <summary>An ablation's results folder: one <c>Ablations.RunAll</c> wrote; the <c>--out</c> folder of <c>fishkit ablate</c>.</summary>
    AblateOutput,

    /// <summary>Running one cell of an ablation grid: <c>Ablations.RunCell</c>; <c>fishkit ablate --cell K</c>.</summary>
    AblateCell,

    /// <summary>Taking frames with gaps in their numbering as consecutive: <c>allowGaps: true</c>; <c>--allow-gaps</c>.</summary>
    AllowGaps,

    /// <summary>Keeping frames of a video ffmpeg reported decoding errors in: <c>ExtractOptions.AllowDecodeErrors = true</c>; <c>--allow-decode-errors</c>.</summary>
    AllowDecodeErrors,

    /// <summary>A run's recipe file: <c>RunConfig.FromJson</c> of; <c>--config</c>.</summary>
    Config,

    /// <summary>Training on the CPU: <c>Device = "cpu"</c>; <c>--device cpu</c>.</summary>
    CpuDevice,

    /// <summary>The y-tilde LSTM as the model: <c>RunConfig.YTildeLstm</c>; <c>--model ytilde-lstm</c>.</summary>
    YTildeLstmModel,
}
