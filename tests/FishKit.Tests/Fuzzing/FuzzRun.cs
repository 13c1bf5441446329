using System.Diagnostics;
using Xunit.Abstractions;

namespace FishKit.Tests.Fuzzing;

/// <summary>
/// Runs a bounded number of seeded mutations of a format through its reader and holds each to the contract of issue
/// #15: the file is accepted, or refused with a <see cref="FishKitException"/> whose message is one line; never another
/// exception, never a hang (a timeout per case), and never an output left behind by a refusal (nor anything but the
/// outputs by an acceptance). The first case that breaks it fails the test with its seed, number and kind, so it replays.
/// </summary>
public static class FuzzRun
{
    static readonly TimeSpan PerCase = TimeSpan.FromSeconds(10);

    /// <summary>Runs <paramref name="cases"/> mutations of <paramref name="format"/> from <paramref name="seed"/>; prints the counts.</summary>
    public static void Run(FuzzFormat format, int cases, int seed, ITestOutputHelper output)
    {
        var mutator = new Mutator(seed);
        var kinds = Mutator.Kinds.ToDictionary(k => k, _ => 0);
        int accepted = 0;
        var clock = Stopwatch.StartNew();
        using var dir = new TempDir();
        for (int i = 0; i < cases; i++)
        {
            var (kind, bytes) = mutator.Next(format);
            kinds[kind]++;
            string where = $"fuzz {format.Name}, seed {seed}, case {i} ({kind})";
            var folder = Directory.CreateDirectory(dir[$"case-{i}"]).FullName;
            format.Setup?.Invoke(folder);
            File.WriteAllBytes(Path.Combine(folder, format.FileName), bytes);
            var before = Entries(folder);
            var reading = Task.Run(() => Outcome(format, folder));
            if (!reading.Wait(PerCase)) Assert.Fail($"{where}: still reading after {PerCase.TotalSeconds:0} s: a hang");
            var (outputs, broken) = reading.Result;
            if (broken is not null) Assert.Fail($"{where}: {broken}");
            if (outputs is not null) accepted++;
            var expected = before.Concat(outputs ?? []).Order(StringComparer.Ordinal);
            Assert.True(expected.SequenceEqual(Entries(folder)),
                $"{where}: {(outputs is null ? "refused" : "accepted")}, left [{string.Join(", ", Entries(folder).Except(before))}] behind");
            Directory.Delete(folder, recursive: true);
        }
        output.WriteLine($"fuzz {format.Name}: {cases} cases ({string.Join(", ", kinds.Select(k => $"{k.Key} {k.Value}"))}): " +
                         $"{accepted} accepted, {cases - accepted} refused, 0 broke the contract; {clock.Elapsed.TotalSeconds:0.0} s, seed {seed}");
    }

    /// <summary>The outputs when the reader accepts, null when it refuses properly; or what broke the contract.</summary>
    static (string[]? Outputs, string? Broken) Outcome(FuzzFormat format, string folder)
    {
        try
        {
            return (format.Read(folder), null);
        }
        catch (FishKitException e)
        {
            bool oneLine = e.Message.Length > 0 && e.Message.IndexOfAny(['\n', '\r']) < 0;
            return (null, oneLine ? null : $"refused with a message of several lines: {e.Message}");
        }
        catch (Exception e)
        {
            return (null, $"{e.GetType().Name} instead of a FishKitException: {e.Message}{Environment.NewLine}{e.StackTrace}");
        }
    }

    static string[] Entries(string folder) =>
        [.. Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
}
