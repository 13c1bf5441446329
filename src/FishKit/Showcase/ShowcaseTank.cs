using System.Text.Json.Nodes;
using FishKit.IO;
using FishKit.Synthetic;

namespace FishKit.Showcase;

/// <summary>
/// The showcase experiment's data: one 45-minute session of the default simulated tank (seed 13), split chronologically
/// into 30 minutes for training, 5 for validation and 10 for testing: about 300 bursts to learn from instead of the
/// sample's 5, a third of them first bursts of a bout (foretold by the precursor only, not by a recent burst).
/// </summary>
public static class ShowcaseTank
{
    /// <summary>The session's seed.</summary>
    public const int Seed = 13;

    /// <summary>The splits in time order: 30, 5 and 10 minutes at 30 fps.</summary>
    public static IReadOnlyList<SessionSplit> Splits { get; } = [new("train", 54_000), new("validation", 9_000), new("test", 18_000)];

    /// <summary>Frames in the whole session.</summary>
    public static int Frames => Splits.Sum(s => s.Frames);

    /// <summary>The folder of split <paramref name="name"/> under <paramref name="folder"/>.</summary>
    public static string Split(string folder, string name) => Path.Combine(folder, name);

    /// <summary>
    /// Simulates the session into <paramref name="folder"/> (train, validation and test sub-folders) unless the folder
    /// holds it already; returns whether it simulated. A folder holding anything else is refused, never overwritten.
    /// </summary>
    public static bool Ensure(string folder, IProgress<(long Done, long Total)>? progress = null, CancellationToken cancel = default)
    {
        if (Holds(folder)) return false;
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            throw new FishKitException($"showcase data folder '{folder}' holds something other than the showcase tank (seed {Seed}, {Frames:N0} frames); give an empty or new folder.");
        var simulation = TankSimulator.Run(TankParameters.Default, Seed, Frames, cancel);
        TankSession.WriteSplits(simulation, folder, Splits, force: false, progress, cancel);
        return true;
    }

    /// <summary>Whether every split folder is there with its simulation record of this session.</summary>
    public static bool Holds(string folder) =>
        Splits.All(s => Records(Split(folder, s.Name), Seed, Frames, s.Frames, precursor: true));

    /// <summary>The seed of the showcase's test sessions, a session of its own (not the training session's test split).</summary>
    public const int TestSeed = 14;

    /// <summary>
    /// A test session of <paramref name="frames"/> frames (seed <see cref="TestSeed"/>), with the precursor on or off: the
    /// two have the same bursts at the same frames, and differ only in whether the initiator approaches its target. Its
    /// frames are written to <paramref name="folder"/> unless the folder holds them already (refused when it holds
    /// anything else); the simulation (truth bursts, fish positions) is returned either way.
    /// </summary>
    public static TankSimulation TestSession(string folder, int frames, bool precursor, CancellationToken cancel = default)
    {
        var simulation = TankSimulator.Run(TankParameters.Default with { Precursor = precursor }, TestSeed, frames, cancel);
        if (!Records(folder, TestSeed, frames, frames, precursor))
        {
            if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
                throw new FishKitException($"test session folder '{folder}' holds something other than the showcase test session (seed {TestSeed}, {frames:N0} frames, precursor {(precursor ? "on" : "off")}); give an empty or new folder.");
            TankSession.Write(simulation, folder, cancellationToken: cancel);
        }
        return simulation;
    }

    /// <summary>Whether <paramref name="folder"/>'s simulation.json records this session (seed, frames, precursor).</summary>
    static bool Records(string folder, int seed, int sessionFrames, int frames, bool precursor)
    {
        var record = Path.Combine(folder, "simulation.json");
        if (!File.Exists(record)) return false;
        var json = KitJson.Parse(File.ReadAllText(record), record);
        return json?["seed"]?.GetValue<int>() == seed && json["session_frames"]?.GetValue<int>() == sessionFrames
            && json["frames"]?.GetValue<int>() == frames && (json["parameters"]?["precursor"]?.GetValue<bool>() ?? true) == precursor; // kits before the switch wrote none: on
    }
}
