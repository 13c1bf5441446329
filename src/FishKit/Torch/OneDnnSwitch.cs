namespace FishKit.Torch;

/// <summary>
/// libtorch's own switch for oneDNN (what Python calls <c>torch.backends.mkldnn.enabled</c>):
/// <c>at::globalContext().setUserEnabledMkldnn(bool)</c> and <c>userEnabledMkldnn()</c>, reached as a <see cref="LibTorchFlag"/>.
/// </summary>
public sealed class OneDnnSwitch
{
    // Itanium C++ ABI names of at::Context::userEnabledMkldnn() const and at::Context::setUserEnabledMkldnn(bool).
    const string GetSymbol = "_ZNK2at7Context17userEnabledMkldnnEv";
    const string SetSymbol = "_ZN2at7Context20setUserEnabledMkldnnEb";

    readonly LibTorchFlag flag;

    OneDnnSwitch(LibTorchFlag flag) => this.flag = flag;

    /// <summary>The libtorch_cpu.so whose context this switch sets.</summary>
    public string Library => flag.Library;

    /// <summary>Whether libtorch may use oneDNN (its default is true), as libtorch itself reports it.</summary>
    public bool Enabled
    {
        get => flag.Enabled;
        set => flag.Enabled = value;
    }

    /// <summary>
    /// The switch of the libtorch_cpu.so mapped into this process, or null where there is none to reach: not Linux
    /// (other platforms' libraries name their exports differently), or no libtorch loaded yet.
    /// </summary>
    public static OneDnnSwitch? OfLoadedLibTorch() =>
        LibTorchFlag.OfLoadedLibTorch(GetSymbol, SetSymbol) is { } flag ? new OneDnnSwitch(flag) : null;
}
