namespace FishKit.Torch;

/// <summary>
/// libtorch's own switch for oneDNN (what Python calls <c>torch.backends.mkldnn.enabled</c>):
/// <c>at::globalContext().setUserEnabledMkldnn(bool)</c> and <c>userEnabledMkldnn()</c>, reached as a <see cref="LibTorchFlag"/>.
/// </summary>
public static class OneDnnSwitch
{
    // Itanium C++ ABI names of at::Context::userEnabledMkldnn() const and at::Context::setUserEnabledMkldnn(bool).
    const string GetSymbol = "_ZNK2at7Context17userEnabledMkldnnEv";
    const string SetSymbol = "_ZN2at7Context20setUserEnabledMkldnnEb";

    /// <summary>
    /// The oneDNN switch of the libtorch_cpu.so mapped into this process (enabled: libtorch may use oneDNN, its
    /// default), or null where there is none to reach: not Linux, or no libtorch loaded yet.
    /// </summary>
    public static LibTorchFlag? OfLoadedLibTorch() => LibTorchFlag.OfLoadedLibTorch(GetSymbol, SetSymbol);
}
