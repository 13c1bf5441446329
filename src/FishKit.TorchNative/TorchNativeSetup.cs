namespace FishKit.Torch;

/// <summary>How <see cref="TorchRuntime.EnsureLoaded"/> made TorchSharp's native libraries available in this process.</summary>
public enum TorchNativeSetupKind
{
    /// <summary>Not Linux: TorchSharp loads its own natives.</summary>
    NotLinux,
    /// <summary><c>FISHKIT_TORCH_NATIVES=off</c>: the kit left loading to TorchSharp.</summary>
    Disabled,
    /// <summary>libLibTorchSharp.so was already loaded in this process before the kit looked.</summary>
    AlreadyLoaded,
    /// <summary>The shipped libLibTorchSharp.so loaded as it is.</summary>
    Original,
    /// <summary>The system libstdc++ lacks GLIBCXX_3.4.32, so a copy with that need marked weak was loaded.</summary>
    WeakPatched,
}

/// <summary>What the kit found and loaded for TorchSharp: the native files, the C++ runtime checked, and the time it took.</summary>
/// <param name="Kind">How the natives were made available.</param>
/// <param name="LibTorchCpu">The libtorch_cpu.so loaded (null when the kit loaded nothing).</param>
/// <param name="LibTorchSharp">The libLibTorchSharp.so loaded: the shipped file or the patched copy (null when the kit loaded nothing).</param>
/// <param name="LibStdCxx">The libstdc++ whose version definitions were checked (null when not checked or not found).</param>
/// <param name="MissingVersions">The versions libLibTorchSharp.so needs that this libstdc++ lacks.</param>
/// <param name="Elapsed">The time the kit's setup took in this process (finding, checking, patching and loading).</param>
public sealed record TorchNativeSetup(
    TorchNativeSetupKind Kind,
    string? LibTorchCpu,
    string? LibTorchSharp,
    string? LibStdCxx,
    IReadOnlyList<string> MissingVersions,
    TimeSpan Elapsed);
