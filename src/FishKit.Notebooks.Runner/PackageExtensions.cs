using System.Reflection;
using System.Runtime.Loader;
using Microsoft.DotNet.Interactive;

namespace FishKit.Notebooks.Runner;

/// <summary>
/// Loads the kernel extensions that NuGet packages carry in <c>interactive-extensions/dotnet/</c> (how Plotly.NET.Interactive
/// and Microsoft.Data.Analysis register their formatters). The .NET Interactive tool does this itself; an in-process kernel
/// does not, so the runner calls this when a <c>#r "nuget: ..."</c> has resolved packages.
/// </summary>
public static class PackageExtensions
{
    static readonly Lock Gate = new();
    static readonly Dictionary<string, Assembly> Loaded = new(StringComparer.Ordinal);

    /// <summary>The extension assemblies under a package's folder.</summary>
    public static IReadOnlyList<string> In(string packageRoot)
    {
        var folder = Path.Combine(packageRoot, "interactive-extensions", "dotnet");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*.dll").Order(StringComparer.Ordinal).ToList() : [];
    }

    /// <summary>Loads each extension of <paramref name="packageRoots"/> and runs its <c>OnLoadAsync</c> on <paramref name="kernel"/>; returns their type names.</summary>
    public static async Task<IReadOnlyList<string>> LoadAsync(Kernel kernel, IEnumerable<string> packageRoots)
    {
        var names = new List<string>();
        foreach (var path in packageRoots.SelectMany(In))
        {
            Assembly assembly;
            lock (Gate)
            {
                if (!Loaded.TryGetValue(path, out assembly!))
                    Loaded[path] = assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
            }
            foreach (var type in assembly.GetExportedTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IKernelExtension).IsAssignableFrom(t)))
            {
                var extension = (IKernelExtension)Activator.CreateInstance(type)!;
                await extension.OnLoadAsync(kernel);
                names.Add(type.FullName!);
            }
        }
        return names;
    }
}
