namespace FishKit.Clips;

/// <summary>The write-up's augmentation: a clip as is, mirrored left-right, upside down, or both (turned 180 degrees).</summary>
public enum Flip : byte
{
    /// <summary>As recorded.</summary>
    None,

    /// <summary>Mirrored left-right: column x becomes W-1-x.</summary>
    LeftRight,

    /// <summary>Upside down: row y becomes H-1-y.</summary>
    UpDown,

    /// <summary>Both, i.e. turned by 180 degrees.</summary>
    Both,
}
