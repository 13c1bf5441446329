using System.Reflection;
using System.Runtime.Loader;

namespace FishKit.Notebooks.Setup;

/// <summary>
/// Plotly.NET 6 is built against FSharp.Core 10.1, while the .NET Interactive kernel tool ships and loads FSharp.Core 10.0:
/// the first chart would fail with "Could not load FSharp.Core, Version=10.1.0.0". This hands the runtime the FSharp.Core
/// already loaded in the process when a newer one is asked for (the API Plotly.NET uses is the same).
/// </summary>
static class FSharpCoreBridge
{
    static int installed;

    /// <summary>Installs the resolver once per process.</summary>
    public static void Install()
    {
        if (Interlocked.Exchange(ref installed, 1) == 1) return;
        AssemblyLoadContext.Default.Resolving += Resolve;
    }

    static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name) =>
        name.Name == "FSharp.Core"
            ? AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == "FSharp.Core")
            : null;
}
