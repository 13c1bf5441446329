namespace FishKit.Baselines;

/// <summary>Which frames a baseline scores, and what the others hold.</summary>
public enum ScoredFrames
{
    /// <summary>The write-up's range, frames 4n-1 .. T-2-10 (119 .. T-12), with 0 elsewhere, as the original wrote it.</summary>
    WriteUp,

    /// <summary>Every frame whose window exists (t &gt;= d), with NaN where it does not.</summary>
    Defined,
}
