using System.Reflection;

namespace FishKit.Torch;

/// <summary>
/// Which TorchSharp build the kit was compiled against: the CPU build (TorchSharp-cpu, the default, what every test
/// runs) or a CUDA build (<c>dotnet build -p:TorchBackend=cuda</c>, which references TorchSharp-cuda-linux or
/// TorchSharp-cuda-windows instead; see the README's "A GPU route"). The MSBuild property is recorded in the assembly.
/// </summary>
public static class TorchBackend
{
    /// <summary>What a CUDA build needs, and how to select it.</summary>
    public const string CudaBuildHint = "a CUDA build needs TorchSharp-cuda-linux (Linux) or TorchSharp-cuda-windows (Windows) 0.107.0 with libtorch-cuda-12.8: build the kit with -p:TorchBackend=cuda (see the README's \"A GPU route\")";

    /// <summary>True for a CUDA build (<c>-p:TorchBackend=cuda</c>), false for the CPU build.</summary>
    public static bool IsCudaBuild { get; } = typeof(TorchBackend).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Any(a => a.Key == "FishKit.TorchBackend" && a.Value == "cuda");

    /// <summary>The error for a CUDA device asked of the CPU build: one line saying what a CUDA build needs (the CLI words the remedy --device cpu).</summary>
    public static FishKitException CpuBuildHasNoCuda() => FishKitException.Refusal(
        $"device \"cuda\" was asked for, but this is the CPU build of the kit (TorchSharp-cpu); {CudaBuildHint}; or use {FishKitException.Say(Term.CpuDevice)}.",
        new(Parameter: Term.CpuDevice, Value: "cuda", Allowed: "cpu"));

    /// <summary>
    /// One line for <c>fishkit doctor</c>: the build and, for a CUDA build, what libtorch sees (TorchSharp 0.107 exposes
    /// the device count and cuDNN, not device names or memory: <c>nvidia-smi</c> shows those).
    /// </summary>
    public static string Describe()
    {
        if (!IsCudaBuild) return "CPU build (TorchSharp-cpu): no CUDA";
        if (!TorchSharp.torch.cuda.is_available()) return "CUDA build: no CUDA device available (check the NVIDIA driver with nvidia-smi)";
        var cudnn = TorchSharp.torch.cuda.is_cudnn_available() ? "cuDNN available" : "no cuDNN";
        return $"CUDA build: {TorchSharp.torch.cuda.device_count()} CUDA device(s), {cudnn} (names and memory: nvidia-smi)";
    }
}
