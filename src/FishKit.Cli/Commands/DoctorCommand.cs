using System.CommandLine;
using System.Reflection;
using System.Runtime.InteropServices;
using FishKit.Torch;
using TorchSharp;

namespace FishKit.Cli.Commands;

/// <summary>`fishkit doctor`: says whether TorchSharp works here, which native files the kit loaded and why, which backend it was built for, and proves it with a tiny computation.</summary>
static class DoctorCommand
{
    public static Command Create()
    {
        var command = new Command("doctor", "Check that TorchSharp works on this machine: platform, CPU, native libraries found, the backend (CPU or CUDA build, CUDA devices), whether the libstdc++ adaptation was needed, threads, the convolution self-check and oneDNN's state, and a tiny tensor computation.");
        command.SetAction(parseResult => Report(parseResult.InvocationConfiguration.Output));
        return command;
    }

    static void Report(TextWriter output)
    {
        var setup = TorchRuntime.EnsureLoaded();
        var torchSharp = typeof(torch).Assembly;
        output.WriteLine($"platform:       {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}, .NET {Environment.Version}");
        output.WriteLine($"cpu:            {CpuModel.Describe()}");
        output.WriteLine($"TorchSharp:     {torchSharp.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]} ({torchSharp.Location})");
        output.WriteLine($"libtorch:       {torch.__version__} ({setup.LibTorchCpu ?? "loaded by TorchSharp"})");
        output.WriteLine($"backend:        {TorchBackend.Describe()}");
        if (setup.LibStdCxx != null)
            output.WriteLine($"libstdc++:      {setup.LibStdCxx} ({(setup.MissingVersions.Count == 0 ? "has every version needed" : "lacks " + string.Join(", ", setup.MissingVersions))})");
        output.WriteLine($"LibTorchSharp:  {Describe(setup)}");
        output.WriteLine($"setup:          {setup.Elapsed.TotalMilliseconds:F0} ms");
        output.WriteLine($"threads:        {torch.get_num_threads()}, {OpenMpWaitPolicy.Variable}={OpenMpWaitPolicy.Current ?? "unset"}");
        output.WriteLine($"oneDNN:         {TorchRuntime.OneDnn.Reason}");
        output.WriteLine($"NNPACK:         {Nnpack.Describe()}");
        output.WriteLine($"tensor check:   {TensorCheck()}");
    }

    static string Describe(TorchNativeSetup setup) => setup.Kind switch
    {
        TorchNativeSetupKind.NotLinux => "not Linux: TorchSharp loads its own natives",
        TorchNativeSetupKind.Disabled => $"{TorchRuntime.NativesVariable}=off: TorchSharp loads its own natives",
        TorchNativeSetupKind.AlreadyLoaded => $"already loaded in this process ({setup.LibTorchSharp})",
        TorchNativeSetupKind.Original => $"shipped file loaded as it is ({setup.LibTorchSharp})",
        _ => $"adapted copy loaded, its {WeakVersionPatch.IosBaseLibraryInitVersion} need marked weak ({setup.LibTorchSharp})",
    };

    /// <summary>A matrix product and a gradient with known answers; a wrong answer is an error, not a report.</summary>
    static string TensorCheck()
    {
        using var scope = torch.NewDisposeScope();
        var product = torch.tensor(new float[] { 1, 2, 3, 4 }, [2, 2]).matmul(torch.tensor(new float[] { 5, 6, 7, 8 }, [2, 2]));
        var x = torch.tensor(3.0, requires_grad: true);
        (x * x).backward();
        float[] expected = [19, 22, 43, 50];
        if (!product.data<float>().SequenceEqual(expected) || x.grad!.item<double>() != 6.0)
            throw new FishKitException("TorchSharp loaded but computed wrong results ([[1,2],[3,4]]·[[5,6],[7,8]] or d(x²)/dx at 3); report this machine's `fishkit doctor` output.");
        return "ok ([[1,2],[3,4]]·[[5,6],[7,8]] = [[19,22],[43,50]]; d(x²)/dx at 3 = 6)";
    }
}
