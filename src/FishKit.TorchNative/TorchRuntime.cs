using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using FishKit.IO;
using static FishKit.Torch.TorchNativeFiles;

namespace FishKit.Torch;

/// <summary>
/// Loads TorchSharp's native libraries before TorchSharp itself tries, so that it works on Linux systems whose
/// C++ runtime is older than the one libLibTorchSharp.so was linked against (Debian 12, Ubuntu 22.04).
/// </summary>
/// <remarks>
/// <para>How: on Linux x86-64 the kit finds libtorch in the NuGet package folders (see
/// <see cref="TorchNativeFiles.CandidateFolders"/>), loads libtorch_cpu.so and libtorch.so by full path, then
/// libLibTorchSharp.so by full path. Where the system libstdc++ lacks <c>GLIBCXX_3.4.32</c> (TorchSharp 0.107.0 needs
/// it only for a link-time marker no relocation uses), it loads instead a copy whose need of that version is marked
/// weak (<see cref="WeakVersionPatch"/>), written once to <c>$XDG_CACHE_HOME/fishkit/torch-natives/&lt;sha256&gt;/</c>.
/// The copies' SONAMEs (libtorch_cpu.so, libLibTorchSharp.so) make TorchSharp's own later loads by name return these
/// already-loaded libraries. Nothing in the NuGet cache or the system is changed.</para>
/// <para>When: this must happen before TorchSharp's static constructor runs, because that constructor loads
/// "torch_cpu" by bare name (on a machine with Debian's python3-torch that finds /usr/lib's libtorch 1.13: two
/// libtorch versions in one process crash it), and a failed static constructor poisons TorchSharp for the life of the
/// process, after copying ~480 MB of natives beside TorchSharp.dll. Neither hook .NET offers runs early enough:
/// <c>NativeLibrary.SetDllImportResolver</c> is not consulted by TorchSharp's <c>NativeLibrary.TryLoad(name, assembly)</c>,
/// and <c>AssemblyLoadContext.ResolvingUnmanagedDll</c> is raised only after the default probing has failed, i.e.
/// after a bare-name load has already succeeded with the wrong libtorch. So the kit's module initializer watches for
/// TorchSharp.dll itself to load (<c>AppDomain.AssemblyLoad</c>, raised when the JIT first meets a TorchSharp type,
/// before any TorchSharp code runs) and loads the natives then; kit commands that never touch TorchSharp pay nothing.
/// Hosts that use TorchSharp before any kit type (tests, notebooks) call <see cref="EnsureLoaded"/> first.</para>
/// <para>Set <c>FISHKIT_TORCH_NATIVES</c> to the folder(s) holding libtorch_cpu.so and libLibTorchSharp.so to skip the
/// search, or to <c>off</c> to leave loading to TorchSharp. See src/FishKit.TorchNative/README.md.</para>
/// <para>Before loading libtorch it also asks OpenMP for passive waiters unless the user chose a policy
/// (<see cref="OpenMpWaitPolicy"/>).</para>
/// </remarks>
public static class TorchRuntime
{
    /// <summary>The environment variable that names the native folder(s) (separated by ':') or turns the loader <c>off</c>.</summary>
    public const string NativesVariable = "FISHKIT_TORCH_NATIVES";

    const string Restart = "restart the process (in a notebook: restart the kernel) and call FishKit.Torch.TorchRuntime.EnsureLoaded() before anything else uses TorchSharp";

    static readonly Lock Gate = new();
    static TorchNativeSetup? setup;
    static OneDnnState? oneDnn;

    /// <summary>
    /// Makes TorchSharp usable in this process and says how; call it first in a notebook or any host that uses
    /// TorchSharp directly. Idempotent and thread-safe: later calls return the first result at no cost.
    /// </summary>
    /// <remarks>Then, once per process, it turns libtorch's NNPACK off (<see cref="Nnpack"/>), checks libtorch's float32
    /// convolution gradients and turns libtorch's oneDNN off where they are wrong (<see cref="OneDnnGuard"/>;
    /// <see cref="OneDnn"/> says what it found).</remarks>
    /// <exception cref="FishKitException">The natives are missing, cannot be loaded or patched, TorchSharp was
    /// already started wrongly in this process, or libtorch's convolutions are wrong here whatever the kit switches;
    /// the message says what to do.</exception>
    public static TorchNativeSetup EnsureLoaded()
    {
        var torch = typeof(TorchSharp.torch);
        var result = Prepare(torch.Assembly);
        StartTorchSharp(torch, result.Kind);
        GuardConvolutions();
        return result;
    }

    /// <summary>What the kit's convolution self-check found in this process and whether libtorch may use oneDNN (loads TorchSharp first).</summary>
    public static OneDnnState OneDnn
    {
        get
        {
            EnsureLoaded();
            return oneDnn!;
        }
    }

    /// <summary>Runs the convolution self-check once per process (a failure is not remembered: a later call checks again).</summary>
    static void GuardConvolutions()
    {
        if (Volatile.Read(ref oneDnn) != null) return;
        lock (Gate)
        {
            if (oneDnn != null) return;
            Nnpack.Switch()?.Enabled = false; // before the first convolution, which is the check's
            var state = OneDnnGuard.Apply(OneDnnGuard.Parse(Environment.GetEnvironmentVariable(OneDnnGuard.Variable)),
                OneDnnSwitch.OfLoadedLibTorch(), ConvolutionCheck.Run);
            if (state.TurnedOffByCheck || !state.Check.Passed)
                Console.Error.WriteLine($"fishkit: note: libtorch's oneDNN is {state.Reason}.");
            Volatile.Write(ref oneDnn, state);
        }
    }

    /// <summary>Finds, checks and loads the natives once per process (failures are not remembered: a later call retries).</summary>
    static TorchNativeSetup Prepare(Assembly torchSharp)
    {
        lock (Gate)
            return setup ??= Setup(torchSharp, Environment.GetEnvironmentVariable(NativesVariable));
    }

    static TorchNativeSetup Setup(Assembly torchSharp, string? setting)
    {
        var clock = Stopwatch.StartNew();
        TorchNativeSetup Done(TorchNativeSetupKind kind, string? cpu = null, string? sharp = null, string? stdcxx = null, IReadOnlyList<string>? missing = null) =>
            new(kind, cpu, sharp, stdcxx, missing ?? [], clock.Elapsed);

        if (!OperatingSystem.IsLinux()) return Done(TorchNativeSetupKind.NotLinux);
        if (string.Equals(setting, "off", StringComparison.OrdinalIgnoreCase)) return Done(TorchNativeSetupKind.Disabled);
        if (RuntimeInformation.ProcessArchitecture != Architecture.X64)
            throw new FishKitException($"TorchSharp-cpu ships Linux native libraries for x86-64 only, and this process runs on {RuntimeInformation.ProcessArchitecture}; use an x86-64 machine.");

        var mapped = ProcessMaps.MappedFiles();
        if (ProcessMaps.Named(mapped, LibTorchSharpName).FirstOrDefault() is { } alreadyLoaded)
            return Done(TorchNativeSetupKind.AlreadyLoaded, ProcessMaps.Named(mapped, LibTorchCpuName).FirstOrDefault(), alreadyLoaded);

        var files = Locate(torchSharp, setting);
        if (ForeignLibTorch(mapped, ProcessMaps.CanonicalPath(files.LibTorchCpu)) is { } foreign)
            throw new FishKitException($"another libtorch ({foreign}) is already loaded in this process, usually because TorchSharp was used before the kit prepared it, so the one TorchSharp needs ({files.LibTorchCpu}) cannot be; {Restart}.");
        OpenMpWaitPolicy.PreferPassive();
        Load(files.LibTorchCpu);
        Load(files.LibTorch);

        var original = File.ReadAllBytes(files.LibTorchSharp);
        var library = ParseElf(original, files.LibTorchSharp);
        var stdcxx = SystemLibStdCxx.Locate(mapped);
        var missing = stdcxx == null ? [] : SystemLibStdCxx.MissingVersions(library, ParseElf(File.ReadAllBytes(stdcxx), stdcxx));
        if (missing.Any(v => v != WeakVersionPatch.IosBaseLibraryInitVersion))
            throw new FishKitException($"{files.LibTorchSharp} needs {string.Join(", ", missing)} from {stdcxx}, which lacks them; install a newer C++ runtime (libstdc++6 from GCC 13 or later) or use a newer Linux distribution.");
        if (missing.Count == 0)
        {
            var error = TryLoad(files.LibTorchSharp);
            if (error == null) return Done(TorchNativeSetupKind.Original, files.LibTorchCpu, files.LibTorchSharp, stdcxx);
            if (!error.Contains(WeakVersionPatch.IosBaseLibraryInitVersion, StringComparison.Ordinal))
                throw LoadFailure(files.LibTorchSharp, error);
        }
        var copy = WriteWeakCopy(original, files.LibTorchSharp);
        Load(copy);
        return Done(TorchNativeSetupKind.WeakPatched, files.LibTorchCpu, copy, stdcxx, [WeakVersionPatch.IosBaseLibraryInitVersion]);
    }

    /// <summary>The native files, from the folders <c>FISHKIT_TORCH_NATIVES</c> names or else from the standard search.</summary>
    internal static TorchNativeFiles Locate(Assembly torchSharp, string? setting)
    {
        if (!string.IsNullOrWhiteSpace(setting))
            return Find(setting.Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                $"point {NativesVariable} at the folder(s) holding {LibTorchCpuName} and {LibTorchSharpName}, or unset it.");
        var (version, libTorchVersion) = PackageVersions(torchSharp);
        return Find(CandidateFolders(torchSharp),
            $"run `dotnet restore` (it fetches TorchSharp-cpu {version} with libtorch {libTorchVersion}), or set {NativesVariable} to the folder holding {LibTorchCpuName}.");
    }

    /// <summary>A libtorch_cpu.so mapped into this process from a file other than <paramref name="ours"/> (canonical path), if any.</summary>
    internal static string? ForeignLibTorch(IEnumerable<string> mapped, string ours) =>
        ProcessMaps.Named(mapped, LibTorchCpuName).FirstOrDefault(path => path != ours);

    /// <summary>Runs TorchSharp's static constructor now that its natives are loaded, turning an earlier failure into one clear message.</summary>
    static void StartTorchSharp(Type torch, TorchNativeSetupKind kind)
    {
        try { RuntimeHelpers.RunClassConstructor(torch.TypeHandle); }
        catch (TypeInitializationException e)
        {
            var cause = (e.InnerException?.Message ?? e.Message).Split('\n', 2)[0].Trim();
            throw new FishKitException(kind switch
            {
                TorchNativeSetupKind.Disabled => $"TorchSharp failed to load its own native libraries ({cause}); unset {NativesVariable} to let the kit load them, and restart the process.",
                TorchNativeSetupKind.NotLinux => $"TorchSharp failed to start ({cause}); check that the TorchSharp-cpu package was restored for this platform.",
                _ => $"TorchSharp failed to start in this process ({cause}), usually because it was used before the kit loaded its native libraries; {Restart}.",
            }, e);
        }
    }

    static ElfFile ParseElf(byte[] bytes, string path)
    {
        ElfFile elf;
        try { elf = ElfFile.Parse(bytes); }
        catch (FormatException e) { throw new FishKitException($"{path} is not a readable library ({e.Message}); run `dotnet restore --force` to fetch it again.", e); }
        if (elf.Machine != ElfFile.MachineX86_64)
            throw new FishKitException($"{path} is not an x86-64 library; run `dotnet restore --force` to fetch it again, or point {NativesVariable} at the linux-x64 natives.");
        return elf;
    }

    /// <summary>Writes the weak-patched copy to the per-user cache (once; rewritten only if absent or different) and returns its path.</summary>
    static string WriteWeakCopy(byte[] original, string originalPath)
    {
        byte[] patched;
        try { patched = WeakVersionPatch.Apply(original, WeakVersionPatch.IosBaseLibraryInitVersion); }
        catch (InvalidOperationException e)
        {
            throw new FishKitException($"{originalPath} cannot be adapted to this system's C++ runtime ({e.Message}); install libstdc++6 from GCC 13 or later, or use a newer Linux distribution.", e);
        }
        var path = Path.Combine(CacheFolder(), Convert.ToHexStringLower(SHA256.HashData(original)), LibTorchSharpName);
        try
        {
            if (!File.Exists(path) || !File.ReadAllBytes(path).AsSpan().SequenceEqual(patched))
                AtomicFile.Write(path, stream => stream.Write(patched));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FishKitException($"cannot write the adapted copy of {LibTorchSharpName} to {path} ({e.Message}); set XDG_CACHE_HOME to a writable folder.", e);
        }
        return path;
    }

    /// <summary>The per-user cache of adapted natives: <c>$XDG_CACHE_HOME/fishkit/torch-natives</c>, by default under <c>~/.cache</c>.</summary>
    internal static string CacheFolder()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = !string.IsNullOrEmpty(xdg) && Path.IsPathFullyQualified(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "fishkit", "torch-natives");
    }

    static void Load(string path)
    {
        if (TryLoad(path) is { } error)
            throw LoadFailure(path, error);
    }

    static FishKitException LoadFailure(string path, string error) =>
        new($"cannot load {path} ({error}); run `dotnet restore --force` to fetch it again, or point {NativesVariable} at a complete copy.");

    /// <summary>Loads a library by full path; returns null on success, else the dynamic loader's reason on one line.</summary>
    static string? TryLoad(string path)
    {
        try
        {
            NativeLibrary.Load(path);
            return null;
        }
        catch (DllNotFoundException e)
        {
            // .NET's message is advice followed by dlerror()'s text; keep the latter.
            const string marker = "environment variable:";
            var message = e.Message.ReplaceLineEndings(" ");
            var at = message.LastIndexOf(marker, StringComparison.Ordinal);
            return (at < 0 ? message : message[(at + marker.Length)..]).Trim();
        }
    }

    /// <summary>
    /// Arms the loader when the kit is first used: loads the natives as soon as TorchSharp.dll is loaded (now, if it
    /// already is). Failures are left for <see cref="EnsureLoaded"/> to report: the runtime ignores exceptions thrown
    /// by assembly-load handlers, and a throwing module initializer would make every kit type unusable.
    /// </summary>
#pragma warning disable CA2255 // A library module initializer is the point here: it is what runs before kit code touches TorchSharp.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void PrepareWhenTorchSharpLoads()
    {
        if (!OperatingSystem.IsLinux()) return;
        AppDomain.CurrentDomain.AssemblyLoad += OnAssemblyLoad;
        if (AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(IsTorchSharp) is { } loaded)
            PrepareQuietly(loaded);
    }

    static void OnAssemblyLoad(object? sender, AssemblyLoadEventArgs e)
    {
        if (!IsTorchSharp(e.LoadedAssembly)) return;
        AppDomain.CurrentDomain.AssemblyLoad -= OnAssemblyLoad;
        PrepareQuietly(e.LoadedAssembly);
    }

    static bool IsTorchSharp(Assembly assembly) => assembly.GetName().Name == "TorchSharp";

    static void PrepareQuietly(Assembly torchSharp)
    {
        try { Prepare(torchSharp); }
#pragma warning disable CA1031 // See PrepareWhenTorchSharpLoads: nothing can be thrown from here; EnsureLoaded reports the same failure.
        catch (Exception) { }
#pragma warning restore CA1031
    }
}
