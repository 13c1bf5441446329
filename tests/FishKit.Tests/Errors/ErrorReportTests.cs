using FishKit.Errors;

namespace FishKit.Tests.Errors;

/// <summary>The error boundary's classes: each kind of failure has its own exit code and one line that says what to do.</summary>
public class ErrorReportTests
{
    public static TheoryData<string, Exception, ErrorClass, string> Failures() => new()
    {
        { "a refusal", new FishKitException("frame 'x.png' is damaged; remove it."), ErrorClass.Input, "frame 'x.png' is damaged; remove it." },
        { "a refusal from a full disk", FishKit.Errors.FileErrors.Writing("out.npy", new IOException("No space left on device : '/d/.out.npy.1.tmp'", 28)),
            ErrorClass.DiskFull, "cannot write 'out.npy': no space left on the device; free some space or choose another disk; nothing was left half-written." },
        { "permission denied", new UnauthorizedAccessException("Access to the path '/ro/.x.fks.1.tmp' is denied."),
            ErrorClass.Permission, "Access to the path '/ro/.x.fks.1.tmp' is denied; change the permissions, or choose a path you may use." },
        { "a disk quota", new IOException("Disk quota exceeded : '/home/u/x'", 122), ErrorClass.DiskFull, "Disk quota exceeded : '/home/u/x'; free some space or choose another disk; nothing was left half-written." },
        { "a path too long", new PathTooLongException("The path '/a/b' is too long."), ErrorClass.FileSystem, "The path '/a/b' is too long; choose a shorter path." },
        { "a device error", new IOException("Input/output error : '/mnt/x'", 5), ErrorClass.FileSystem, "Input/output error : '/mnt/x'; check the path and the device, then try again." },
        { "a missing file", new FileNotFoundException("Could not find file '/d/y.npy'."), ErrorClass.Input, "Could not find file '/d/y.npy'; check the path and the device, then try again." },
        { "out of memory", new OutOfMemoryException(), ErrorClass.OutOfMemory, "not enough memory for this work; ask for less (fewer frames, resamples or a smaller batch) or free some memory." },
        { "Ctrl-C", new OperationCanceledException(), ErrorClass.Cancelled, "cancelled; nothing was written under the final output name." },
        { "a bug", new AggregateException(new IndexOutOfRangeException("Index was outside the bounds of the array.")), ErrorClass.Internal,
            "internal error (IndexOutOfRangeException: Index was outside the bounds of the array); this is a bug in FishKit: run the command again with --verbose and report what it prints." },
        { "a two-line message", new FishKitException("first\nsecond"), ErrorClass.Input, "first second" },
    };

    [Theory, MemberData(nameof(Failures))]
    public void Every_failure_has_a_class_and_one_line(string what, Exception failure, ErrorClass expected, string message)
    {
        var report = ErrorReport.Of(failure);
        Assert.True(report.Class == expected, what);
        Assert.Equal(message, report.Message);
    }

    [Fact]
    public void The_exit_codes_are_distinct_and_documented()
    {
        var codes = Enum.GetValues<ErrorClass>().Select(c => (int)c).ToArray();
        Assert.Equal([1, 2, 3, 4, 5, 6, 70, 130], codes);
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        foreach (var c in Enum.GetValues<ErrorClass>())
            Assert.Contains($"| {(int)c} |", readme);
    }

    /// <summary>The folder holding README.md above the test's output folder.</summary>
    static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir.FullName, "README.md"))) dir = dir.Parent!;
        return dir.FullName;
    }
}
