using System.Runtime.InteropServices;

namespace FishKit.Torch;

/// <summary>
/// libtorch's OpenMP (libgomp) wait policy, which libgomp reads once when it loads. Its default lets idle worker
/// threads spin for a while before sleeping; on a laptop whose cores are shared with a notebook kernel, a browser or
/// another process, those spinning threads steal the cores the working ones need (a teaching-size training step
/// measured 2.5-7x slower in wall time; src/FishKit.Learning/Models/README.md). So the kit asks for passive waiters before
/// libtorch loads, unless the user has set <c>OMP_WAIT_POLICY</c> themselves.
/// </summary>
public static partial class OpenMpWaitPolicy
{
    /// <summary>The environment variable libgomp reads.</summary>
    public const string Variable = "OMP_WAIT_POLICY";

    /// <summary>The policy the kit sets when the user has set none.</summary>
    public const string KitDefault = "PASSIVE";

    /// <summary>
    /// Sets <c>OMP_WAIT_POLICY=PASSIVE</c> in the process's native environment (where libgomp looks; .NET's
    /// <see cref="Environment"/> keeps a separate copy, updated too) unless it is set; returns the policy in effect
    /// and whether the user chose it. Has an effect only before libtorch (and so libgomp) is loaded.
    /// </summary>
    public static (string Policy, bool UserSet) PreferPassive()
    {
        if (Current is { Length: > 0 } current) return (current, true);
        if (setenv(Variable, KitDefault, 0) != 0)
            throw new FishKitException($"could not set {Variable} in this process's environment (errno {Marshal.GetLastPInvokeError()}); set {Variable}=PASSIVE before starting it.");
        Environment.SetEnvironmentVariable(Variable, KitDefault);
        return (KitDefault, false);
    }

    /// <summary>The policy in the process's native environment (what libgomp reads), or null when unset.</summary>
    public static string? Current => Marshal.PtrToStringUTF8(getenv(Variable));

    [LibraryImport("libc", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint getenv(string name);

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int setenv(string name, string value, int overwrite);
}
