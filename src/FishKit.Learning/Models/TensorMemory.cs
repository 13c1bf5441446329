using System.Runtime.InteropServices;

namespace FishKit.Models;

/// <summary>
/// Keeps freed tensor memory in the process for reuse (Linux, glibc). A ConvLSTM step allocates and frees many
/// multi-megabyte tensors; by default glibc serves each from fresh mmap'd pages and returns them on free, so every
/// step page-faults its whole working set again: in a .NET process measured here that made a 4.6 MB element-wise op
/// ~20x slower (600 faults per call) and a 37 MB convolution output ~5x slower (18,000 faults per call). Raising
/// glibc's mmap and trim thresholds lets freed blocks be reused instead. The cost: the process keeps its peak
/// working set instead of returning it to the system between steps (Python processes already do for blocks up to
/// 32 MB, through glibc's dynamic threshold).
/// </summary>
public static partial class TensorMemory
{
    const int MTrimThreshold = -1, MMmapThreshold = -3;
    static int applied;

    /// <summary>Applies the setting once per process; does nothing off glibc (returns whether it is in effect).</summary>
    public static bool ReuseFreedMemory()
    {
        if (!OperatingSystem.IsLinux()) return false;
        if (Volatile.Read(ref applied) != 0) return applied > 0;
        bool ok;
        try
        {
            // glibc refuses an mmap threshold above its maximum heap size / 2 in some versions: fall back to 32 MB, its largest default.
            ok = (mallopt(MMmapThreshold, 1 << 30) == 1 || mallopt(MMmapThreshold, 32 << 20) == 1)
                 && mallopt(MTrimThreshold, int.MaxValue) == 1;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            ok = false;
        }
        Volatile.Write(ref applied, ok ? 1 : -1);
        return ok;
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int mallopt(int parameter, int value);
}
