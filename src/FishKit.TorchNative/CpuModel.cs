using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace FishKit.Torch;

/// <summary>This machine's processor in words, for reports: libtorch's numerics depend on it (see <see cref="ConvolutionCheck"/>).</summary>
public static class CpuModel
{
    /// <summary>The model name (from <c>/proc/cpuinfo</c> where there is one) and the vector extensions libtorch's kernels choose by.</summary>
    public static string Describe()
    {
        var arch = RuntimeInformation.ProcessArchitecture;
        if (arch != Architecture.X64) return $"{Name() ?? "unknown model"}, {arch}";
        string[] extensions = [Avx512F.IsSupported ? "AVX-512" : "", Avx2.IsSupported ? "AVX2" : "", Fma.IsSupported ? "FMA" : ""];
        var vector = string.Join(", ", extensions.Where(e => e.Length > 0));
        return $"{Name() ?? "unknown model"}, x86-64 with {(vector.Length > 0 ? vector : "no AVX")}";
    }

    static string? Name()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim();
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
