using System.Runtime.InteropServices;

namespace FishKit.Torch;

/// <summary>
/// libtorch's own switch for oneDNN (what Python calls <c>torch.backends.mkldnn.enabled</c>; TorchSharp does not expose
/// it): <c>at::globalContext().setUserEnabledMkldnn(bool)</c> and <c>userEnabledMkldnn()</c>, called through the exports of
/// the libtorch_cpu.so already mapped into this process. Opening that file by its path returns the loaded library's
/// handle (the dynamic loader matches the file, not the name); a second copy would abort libtorch ("Tried to register
/// multiple backend fallbacks"), so nothing is loaded that is not already there.
/// </summary>
public sealed unsafe class OneDnnSwitch
{
    // Itanium C++ ABI names of at::globalContext(), at::Context::userEnabledMkldnn() const and
    // at::Context::setUserEnabledMkldnn(bool), as libtorch_cpu.so exports them on Linux.
    const string GlobalContextSymbol = "_ZN2at13globalContextEv";
    const string GetSymbol = "_ZNK2at7Context17userEnabledMkldnnEv";
    const string SetSymbol = "_ZN2at7Context20setUserEnabledMkldnnEb";

    readonly nint context;
    readonly delegate* unmanaged<nint, byte> get;
    readonly delegate* unmanaged<nint, byte, void> set;

    OneDnnSwitch(string library, nint context, nint get, nint set)
    {
        Library = library;
        this.context = context;
        this.get = (delegate* unmanaged<nint, byte>)get;
        this.set = (delegate* unmanaged<nint, byte, void>)set;
    }

    /// <summary>The libtorch_cpu.so whose context this switch sets.</summary>
    public string Library { get; }

    /// <summary>Whether libtorch may use oneDNN (its default is true), as libtorch itself reports it.</summary>
    public bool Enabled
    {
        get => get(context) != 0;
        set => set(context, value ? (byte)1 : (byte)0);
    }

    /// <summary>
    /// The switch of the libtorch_cpu.so mapped into this process, or null where there is none to reach: not Linux
    /// (other platforms' libraries name their exports differently), or no libtorch loaded yet.
    /// </summary>
    public static OneDnnSwitch? OfLoadedLibTorch()
    {
        if (!OperatingSystem.IsLinux()) return null;
        var path = ProcessMaps.Named(ProcessMaps.MappedFiles(), TorchNativeFiles.LibTorchCpuName).FirstOrDefault();
        if (path == null) return null;
        var handle = NativeLibrary.Load(path);
        if (!NativeLibrary.TryGetExport(handle, GlobalContextSymbol, out var globalContext)
            || !NativeLibrary.TryGetExport(handle, GetSymbol, out var get)
            || !NativeLibrary.TryGetExport(handle, SetSymbol, out var set))
            return null;
        var context = ((delegate* unmanaged<nint>)globalContext)();
        return new OneDnnSwitch(path, context, get, set);
    }
}
