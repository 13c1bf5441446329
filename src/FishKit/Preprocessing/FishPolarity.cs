namespace FishKit.Preprocessing;

/// <summary>Whether the fish are darker or brighter than the tank behind them (raw footage usually shows dark fish on a light floor).</summary>
public enum FishPolarity
{
    /// <summary>Decided from the footage: the side on which more pixels deviate far (6 noise sigmas) from the background.</summary>
    Auto,

    /// <summary>Dark fish on a lighter tank: the deviations below the background are the fish.</summary>
    DarkFish,

    /// <summary>Bright fish on a darker tank: the deviations above the background are the fish.</summary>
    BrightFish,
}
