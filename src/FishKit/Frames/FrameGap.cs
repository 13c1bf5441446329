namespace FishKit.Frames;

/// <summary>Frames missing from the numbering between two neighbouring files (<paramref name="Missing"/> numbers skipped).</summary>
public readonly record struct FrameGap(string Before, string After, long Missing);
