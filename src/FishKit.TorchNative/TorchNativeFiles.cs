using System.Reflection;

namespace FishKit.Torch;

/// <summary>The three native libraries TorchSharp needs on Linux x86-64, found by full path.</summary>
/// <param name="LibTorchCpu">libtorch_cpu.so (its folder also holds libc10.so and libgomp, found through its <c>$ORIGIN</c> RUNPATH).</param>
/// <param name="LibTorch">libtorch.so, beside libtorch_cpu.so.</param>
/// <param name="LibTorchSharp">TorchSharp's own libLibTorchSharp.so as shipped.</param>
sealed record TorchNativeFiles(string LibTorchCpu, string LibTorch, string LibTorchSharp)
{
    public const string LibTorchCpuName = "libtorch_cpu.so", LibTorchName = "libtorch.so", LibTorchSharpName = "libLibTorchSharp.so";
    const string Rid = "linux-x64", LibTorchPackage = "libtorch-cpu-linux-x64", TorchSharpPackage = "torchsharp";

    /// <summary>
    /// The folders to search, in the order TorchSharp's own probing would meet them: the host's native search
    /// folders, the folders of TorchSharp.dll and of the kit (and <c>runtimes/linux-x64/native</c> under each), then
    /// the NuGet packages of the versions TorchSharp was built for, in the package folder TorchSharp.dll came from,
    /// <c>NUGET_PACKAGES</c> and <c>~/.nuget/packages</c>.
    /// </summary>
    public static IReadOnlyList<string> CandidateFolders(Assembly torchSharp)
    {
        var folders = new List<string>();
        folders.AddRange(((AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") as string) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        var torchSharpFolder = Path.GetDirectoryName(torchSharp.Location);
        foreach (var folder in new[] { torchSharpFolder, Path.GetDirectoryName(typeof(TorchNativeFiles).Assembly.Location) })
        {
            if (string.IsNullOrEmpty(folder)) continue;
            folders.Add(folder);
            folders.Add(Path.Combine(folder, "runtimes", Rid, "native"));
        }
        var (version, libTorchVersion) = PackageVersions(torchSharp);
        foreach (var root in PackageRoots(torchSharpFolder))
        {
            folders.Add(Path.Combine(root, TorchSharpPackage, version, "runtimes", Rid, "native"));
            if (libTorchVersion != null)
                folders.Add(Path.Combine(root, LibTorchPackage, libTorchVersion, "runtimes", Rid, "native"));
        }
        return folders.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Finds libtorch_cpu.so with libtorch.so beside it, and libLibTorchSharp.so, in the first folders that hold them.
    /// <paramref name="hint"/> names what to do when they are missing.
    /// </summary>
    public static TorchNativeFiles Find(IReadOnlyList<string> folders, string hint)
    {
        var libTorchFolder = folders.FirstOrDefault(f => File.Exists(Path.Combine(f, LibTorchCpuName)) && File.Exists(Path.Combine(f, LibTorchName)));
        var torchSharpFolder = folders.FirstOrDefault(f => File.Exists(Path.Combine(f, LibTorchSharpName)));
        if (libTorchFolder == null || torchSharpFolder == null)
        {
            var missing = libTorchFolder == null ? $"libraries {LibTorchCpuName} and {LibTorchName} were" : $"library {LibTorchSharpName} was";
            throw new FishKitException($"TorchSharp's native {missing} not found in any of {string.Join(", ", folders)}; {hint}");
        }
        return new TorchNativeFiles(Path.Combine(libTorchFolder, LibTorchCpuName), Path.Combine(libTorchFolder, LibTorchName),
            Path.Combine(torchSharpFolder, LibTorchSharpName));
    }

    /// <summary>
    /// TorchSharp's package version (from its informational version) and the libtorch package version it was built
    /// against (its private constant, read without running TorchSharp's static constructor).
    /// </summary>
    public static (string TorchSharp, string? LibTorch) PackageVersions(Assembly torchSharp)
    {
        var informational = torchSharp.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var version = informational?.Split('+')[0] ?? torchSharp.GetName().Version?.ToString(3) ?? "";
        var constant = torchSharp.GetType("TorchSharp.torch")?
            .GetField("libtorchPackageVersion", BindingFlags.NonPublic | BindingFlags.Static)?.GetRawConstantValue() as string;
        return (version, constant == null ? null : NuGetFolderVersion(constant));
    }

    /// <summary>NuGet's folder name for a version: a zero fourth part is dropped ("2.10.0.0" is in folder "2.10.0").</summary>
    static string NuGetFolderVersion(string version) =>
        version.Split('.') is [var a, var b, var c, "0"] ? $"{a}.{b}.{c}" : version;

    static IEnumerable<string> PackageRoots(string? torchSharpFolder)
    {
        // .../<packages>/torchsharp/<version>/lib/<tfm>/TorchSharp.dll, as when a notebook used #r "nuget: ...".
        var lib = torchSharpFolder == null ? null : Directory.GetParent(torchSharpFolder);
        var package = lib?.Parent?.Parent;
        if (lib?.Name == "lib" && package != null && package.Name.Equals(TorchSharpPackage, StringComparison.OrdinalIgnoreCase) && package.Parent != null)
            yield return package.Parent.FullName;
        if (Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } nugetPackages)
            yield return nugetPackages;
        yield return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
    }
}
