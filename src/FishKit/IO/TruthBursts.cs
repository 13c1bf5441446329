using System.Globalization;
using FishKit.Synthetic;

namespace FishKit.IO;

/// <summary>
/// Reads the simulator's <c>truth-bursts.csv</c> (header <c>onset_frame,precursor_start_frame,end_frame,initiator,target</c>,
/// frames local to the folder it lies in, as <see cref="TankSession"/> writes it). Tolerates CRLF, a byte order mark and
/// empty lines; anything else wrong is a one-line <see cref="FishKitException"/> naming the file and line.
/// </summary>
public static class TruthBursts
{
    /// <summary>The header the file must start with.</summary>
    public const string Header = "onset_frame,precursor_start_frame,end_frame,initiator,target";

    /// <summary>The bursts in <paramref name="path"/>, checked to be in time order with precursor_start &lt;= onset &lt;= end.</summary>
    public static BurstEvent[] Read(string path) => Series.Reading(path, () =>
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return Read(reader, path);
    }, "truth bursts file");

    /// <summary>Parses the CSV text of <paramref name="reader"/>; <paramref name="path"/> only names it in errors.</summary>
    public static BurstEvent[] Read(TextReader reader, string path)
    {
        const string Remedy = "give the truth-bursts.csv that fishkit simulate wrote beside these frames";
        var header = reader.ReadLine();
        if (header?.Trim() != Header)
            throw new FishKitException($"'{path}' line 1: expected the header '{Header}', found '{header ?? "(nothing: the file is empty)"}'; {Remedy}.");
        var bursts = new List<BurstEvent>();
        int lineNumber = 1;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Trim().Length == 0) continue;
            var cells = line.Split(',');
            var values = new int[5];
            if (cells.Length != 5 || !cells.Select((c, i) => int.TryParse(c, NumberStyles.Integer, CultureInfo.InvariantCulture, out values[i])).All(ok => ok))
                throw new FishKitException($"'{path}' line {lineNumber}: expected 5 whole numbers ({Header}), found '{line}'; {Remedy}.");
            var burst = new BurstEvent(values[1], values[0], values[2], values[3], values[4]);
            if (burst.PrecursorStart > burst.Onset || burst.Onset > burst.End)
                throw new FishKitException($"'{path}' line {lineNumber}: needs precursor_start_frame <= onset_frame <= end_frame, found '{line}'; {Remedy}.");
            if (bursts.Count > 0 && burst.Onset <= bursts[^1].End)
                throw new FishKitException($"'{path}' line {lineNumber}: onset {burst.Onset} is not after the previous burst's end {bursts[^1].End}; bursts must be in time order; {Remedy}.");
            bursts.Add(burst);
        }
        return [.. bursts];
    }
}
