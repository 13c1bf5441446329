using System.Runtime.CompilerServices;
using FishKit.Torch;

namespace FishKit.Tests.Torch;

/// <summary>
/// Loads TorchSharp's natives before any test runs, whatever the order: tests use TorchSharp directly, before any
/// kit type, so the kit's own module initializer may not have run when TorchSharp starts.
/// </summary>
static class TorchTestSetup
{
#pragma warning disable CA2255 // A test assembly's module initializer is the documented way to run before every test.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void LoadTorchFirst()
    {
        // A failure fails every test with the kit's one-line message (as the inner exception), rather than letting
        // the first test that uses TorchSharp start it unprepared: TorchSharp would then copy ~480 MB of natives
        // beside TorchSharp.dll and still fail.
        TorchRuntime.EnsureLoaded();
    }
}
