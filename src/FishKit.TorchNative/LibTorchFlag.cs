using System.Runtime.InteropServices;

namespace FishKit.Torch;

/// <summary>
/// One of libtorch's own boolean settings on <c>at::globalContext()</c> (what Python sets through <c>torch.backends</c>;
/// TorchSharp does not expose them), read and set through the exports of the libtorch_cpu.so already mapped into this
/// process. Opening that file by its path returns the loaded library's handle (the dynamic loader matches the file, not
/// the name); a second copy would abort libtorch ("Tried to register multiple backend fallbacks"), so nothing is loaded
/// that is not already there.
/// </summary>
public sealed unsafe class LibTorchFlag
{
    // Itanium C++ ABI name of at::globalContext(), as libtorch_cpu.so exports it on Linux.
    const string GlobalContextSymbol = "_ZN2at13globalContextEv";

    readonly nint context;
    readonly delegate* unmanaged<nint, byte> get;
    readonly delegate* unmanaged<nint, byte, void> set;

    LibTorchFlag(string library, nint context, nint get, nint set)
    {
        Library = library;
        this.context = context;
        this.get = (delegate* unmanaged<nint, byte>)get;
        this.set = (delegate* unmanaged<nint, byte, void>)set;
    }

    /// <summary>The libtorch_cpu.so whose context this flag is read from and set on.</summary>
    public string Library { get; }

    /// <summary>The setting, as libtorch itself reports it.</summary>
    public bool Enabled
    {
        get => get(context) != 0;
        set => set(context, value ? (byte)1 : (byte)0);
    }

    /// <summary>
    /// The flag whose getter and setter <c>at::Context</c> exports as <paramref name="getSymbol"/> and
    /// <paramref name="setSymbol"/> (mangled names) in the libtorch_cpu.so mapped into this process, or null where there
    /// is none to reach: not Linux (other platforms' libraries name their exports differently), or no libtorch loaded yet.
    /// </summary>
    public static LibTorchFlag? OfLoadedLibTorch(string getSymbol, string setSymbol)
    {
        if (!OperatingSystem.IsLinux()) return null;
        var path = ProcessMaps.Named(ProcessMaps.MappedFiles(), TorchNativeFiles.LibTorchCpuName).FirstOrDefault();
        if (path == null) return null;
        var handle = NativeLibrary.Load(path);
        if (!NativeLibrary.TryGetExport(handle, GlobalContextSymbol, out var globalContext)
            || !NativeLibrary.TryGetExport(handle, getSymbol, out var get)
            || !NativeLibrary.TryGetExport(handle, setSymbol, out var set))
            return null;
        var context = ((delegate* unmanaged<nint>)globalContext)();
        return new LibTorchFlag(path, context, get, set);
    }
}
