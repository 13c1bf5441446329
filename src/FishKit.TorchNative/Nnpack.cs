namespace FishKit.Torch;

/// <summary>
/// libtorch's NNPACK, turned off by the kit before the first convolution (what Python calls
/// <c>torch.backends.nnpack.set_flags(False)</c>). On CPUs NNPACK does not support, libtorch otherwise prints
/// "Could not initialize NNPACK! Reason: Unsupported hardware." the first time a convolution asks whether NNPACK is
/// available; with the switch off it never asks. The kit loses nothing: on x86 libtorch runs float32 convolutions
/// through oneDNN, and where the kit turns oneDNN off (<see cref="OneDnnGuard"/>) through its own exact kernels instead
/// of NNPACK's fast approximate (Winograd and FFT) ones.
/// </summary>
public static class Nnpack
{
    // Itanium C++ ABI names of at::Context::userEnabledNNPACK() const and at::Context::setUserEnabledNNPACK(bool).
    const string GetSymbol = "_ZNK2at7Context17userEnabledNNPACKEv";
    const string SetSymbol = "_ZN2at7Context20setUserEnabledNNPACKEb";

    /// <summary>libtorch's NNPACK switch in this process, or null where the kit cannot reach it (not Linux, no libtorch loaded).</summary>
    public static LibTorchFlag? Switch() => LibTorchFlag.OfLoadedLibTorch(GetSymbol, SetSymbol);

    /// <summary>One line for <c>fishkit doctor</c>: NNPACK's state as libtorch reports it, and why.</summary>
    public static string Describe() => Switch()?.Enabled switch
    {
        false => "off (turned off by the kit before the first convolution: oneDNN or libtorch's own kernels do the work, and libtorch never probes NNPACK or warns about it)",
        true => "on (libtorch's default; the kit turns it off in EnsureLoaded)",
        null => "not reachable here (not Linux): libtorch's default",
    };
}
