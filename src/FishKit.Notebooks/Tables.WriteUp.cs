using FishKit.Frames;
using FishKit.Motion;
using FishKit.WriteUp;
using Microsoft.Data.Analysis;

namespace FishKit.Notebooks;

/// <summary>The tables of the write-up's own data: frames compared, labels and baseline against the published arrays, the published table recomputed.</summary>
public static partial class Tables
{
    /// <summary>
    /// Per frame sequence (e.g. the write-up's sample frames and as many simulated ones): frames, size, mean intensity,
    /// the share of pixels brighter than <paramref name="bright"/>, and mean y-tilde between its consecutive frames.
    /// </summary>
    public static DataFrame FrameLooks(byte bright, params (string Name, FrameSequence Frames)[] sequences)
    {
        var pixels = sequences.Select(s => Enumerable.Range(0, s.Frames.Count).SelectMany(s.Frames.Read).ToArray()).ToList();
        return new DataFrame(
            new StringDataFrameColumn("frames", sequences.Select(s => s.Name)),
            new Int32DataFrameColumn("count", sequences.Select(s => s.Frames.Count)),
            new StringDataFrameColumn("size", sequences.Select(s => s.Frames.Size.ToString())),
            new DoubleDataFrameColumn("mean intensity (of 255)", pixels.Select(p => p.Average(v => (double)v))),
            new DoubleDataFrameColumn($"share of pixels above {bright}", pixels.Select(p => (double)p.Count(v => v > bright) / p.Length)),
            new DoubleDataFrameColumn("mean y-tilde", sequences.Select(s => YTilde.Compute(s.Frames)[..^1].Average())));
    }

    /// <summary>
    /// Per split of the write-up's data: frames beside the write-up's count, the positive rate of its labels (<c>Y_label</c>)
    /// beside the rate it reported, the frames where the kit's labels differ from them, and the largest difference between
    /// the kit's baseline and the published one (test split only).
    /// </summary>
    public static DataFrame WriteUpAgreement(IReadOnlyList<SplitAgreement> splits)
    {
        var published = splits.Select(s => WriteUpResults.Splits.FirstOrDefault(w => w.Split == s.Split)).ToList();
        return new DataFrame(
            new StringDataFrameColumn("split", splits.Select(s => s.Split)),
            new Int32DataFrameColumn("frames", splits.Select(s => s.Frames)),
            new Int32DataFrameColumn("write-up frames", published.Select(w => w.Split == null ? (int?)null : w.Frames)),
            new DoubleDataFrameColumn("positive rate of Y_label", splits.Select(s => s.PositiveRate)),
            new DoubleDataFrameColumn("write-up positive rate", published.Select(w => w.Split == null ? (double?)null : w.PositiveRate)),
            new Int32DataFrameColumn("kit labels differing from Y_label", splits.Select(s => s.LabelMismatches)),
            new DoubleDataFrameColumn("baseline: largest |kit - Y_pred_baseline|", splits.Select(s => s.BaselineMaxDifference)));
    }

    /// <summary>
    /// The write-up's results table recomputed (<see cref="WriteUpReproduction.Run"/>): per model the metrics of
    /// <see cref="Metrics"/>, the AUC's bootstrap interval and DeLong's p against the published ConvLSTM, each model followed
    /// by a row of what the write-up published for it (blank where it gave nothing).
    /// </summary>
    public static DataFrame WriteUpTable(WriteUpReport report)
    {
        var rows = new List<string?[]>();
        foreach (var row in report.Table)
        {
            rows.Add([row.Model, .. MetricCells(row.Report), $"{Cell(row.Interval.Lower)} .. {Cell(row.Interval.Upper)}",
                row.VersusConvLstm is { } d ? Cell(d.PValue) : null]);
            if (row.Published is { } p) rows.Add([$"{row.Model} (write-up)", .. MetricCells(p), null, null]);
        }
        string[] header = ["model", .. MetricNames, $"AUC interval ({100 * report.Table[0].Interval.Confidence:G3} %)", "DeLong p against the ConvLSTM (best)"];
        return new DataFrame(header.Select((h, i) => new StringDataFrameColumn(h, rows.Select(r => r[i]))));
    }
}
