namespace FishKit.Torch;

/// <summary>What <c>FISHKIT_ONEDNN</c> asks of libtorch's oneDNN: decide by the self-check, keep it on, or turn it off.</summary>
public enum OneDnnSetting
{
    /// <summary>Keep oneDNN where the convolution self-check passes, turn it off where it fails (the default).</summary>
    Auto,
    /// <summary>Keep oneDNN on whatever the self-check says (a warning is printed where it fails).</summary>
    On,
    /// <summary>Turn oneDNN off.</summary>
    Off,
}

/// <summary>What the kit found and decided about libtorch's oneDNN in this process, and why.</summary>
/// <param name="Setting">What <c>FISHKIT_ONEDNN</c> asked for.</param>
/// <param name="Enabled">Whether libtorch may use oneDNN now, as libtorch reports it; null where the kit cannot reach the switch (not Linux).</param>
/// <param name="Check">The convolution self-check as libtorch first ran it (after turning oneDNN off, for <see cref="OneDnnSetting.Off"/>).</param>
/// <param name="CheckWithoutOneDnn">The self-check again after the kit turned oneDNN off because the first failed; null otherwise.</param>
public sealed record OneDnnState(OneDnnSetting Setting, bool? Enabled, ConvolutionCheckResult Check, ConvolutionCheckResult? CheckWithoutOneDnn)
{
    /// <summary>Whether the kit turned oneDNN off because the self-check failed with it.</summary>
    public bool TurnedOffByCheck => CheckWithoutOneDnn != null;

    /// <summary>One line: the state and why.</summary>
    public string Reason => (Setting, Check.Passed) switch
    {
        (OneDnnSetting.Off, _) => $"off ({OneDnnGuard.Variable}=off); convolution self-check passed, {Check}",
        (_, true) => $"{(Enabled is false ? "off" : "on")}; convolution self-check passed, {Check}",
        (OneDnnSetting.On, false) => $"on ({OneDnnGuard.Variable}=on) although the convolution self-check FAILED, {Check}: training here gets wrong gradients",
        _ => $"off, turned off by the kit: the convolution self-check failed with oneDNN, {Check}, and passed without it, {CheckWithoutOneDnn}",
    };
}

/// <summary>
/// Decides, once per process, whether libtorch may use oneDNN: runs <see cref="ConvolutionCheck"/> and, where libtorch's
/// float32 convolution gradients are wrong, turns oneDNN off through <see cref="OneDnnSwitch"/> and checks again. The
/// kit never trains on convolution gradients it has seen to be wrong: where they stay wrong, it refuses.
/// </summary>
public static class OneDnnGuard
{
    /// <summary>The environment variable that forces oneDNN <c>on</c> or <c>off</c> (default <c>auto</c>).</summary>
    public const string Variable = "FISHKIT_ONEDNN";

    /// <summary>The setting a value of <see cref="Variable"/> names (unset or empty: auto).</summary>
    public static OneDnnSetting Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => OneDnnSetting.Auto,
        "on" => OneDnnSetting.On,
        "off" => OneDnnSetting.Off,
        _ => throw new FishKitException($"{Variable} is '{value}'; set it to auto, on or off, or unset it."),
    };

    /// <summary>Applies <paramref name="setting"/> with libtorch's switch (null where unreachable) and the given check.</summary>
    internal static OneDnnState Apply(OneDnnSetting setting, LibTorchFlag? oneDnn, Func<ConvolutionCheckResult> check)
    {
        if (setting == OneDnnSetting.Off)
        {
            if (oneDnn == null) throw new FishKitException($"{Variable}=off, but the kit can switch libtorch's oneDNN only on Linux; unset {Variable}.");
            oneDnn.Enabled = false;
        }
        var first = check();
        if (first.Passed || setting == OneDnnSetting.On) return new(setting, oneDnn?.Enabled, first, null);
        if (setting == OneDnnSetting.Off) throw Wrong(first, "with oneDNN off");
        if (oneDnn == null) throw Wrong(first, "and the kit can switch libtorch's oneDNN off only on Linux");
        oneDnn.Enabled = false;
        var second = check();
        if (!second.Passed) throw Wrong(second, "with oneDNN on and off");
        return new(setting, oneDnn.Enabled, first, second);
    }

    static FishKitException Wrong(ConvolutionCheckResult result, string when) =>
        new($"libtorch computes wrong float32 convolutions on this CPU ({CpuModel.Describe()}) {when}: {result}; the kit will not train on wrong gradients; set {Variable}=on only to use libtorch as it is, wrong results included.");
}
