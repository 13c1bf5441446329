using FishKit.Evaluation;
using FishKit.Training;

namespace FishKit.WriteUp;

/// <summary>One split of the write-up's data: the kit's labels against the write-up's, and the kit's baseline against the published one.</summary>
/// <param name="Split">train, validation or test.</param>
/// <param name="Frames">Frames in the split.</param>
/// <param name="PositiveRate">The write-up's labels' positive rate over all frames.</param>
/// <param name="LabelMismatches">Frames whose kit label differs from the write-up's.</param>
/// <param name="BaselineMaxDifference">The largest |kit - write-up| of the baseline over the scored frames 119 .. T-12; null where the write-up published no baseline.</param>
public sealed record SplitAgreement(string Split, int Frames, double PositiveRate, int LabelMismatches, double? BaselineMaxDifference);

/// <summary>One model of the published table, recomputed: the test-split evaluation, its bootstrap interval, DeLong's test against the published ConvLSTM, and the write-up's numbers.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Report">AUC, average precision, max Youden's J and max accuracy over the scored frames.</param>
/// <param name="Interval">Percentile bootstrap interval of the AUC.</param>
/// <param name="VersusConvLstm">DeLong's test of this model's AUC against the published ConvLSTM's (null for the ConvLSTM itself).</param>
/// <param name="Published">What the write-up published for the model (NaN where it gave no number); null for the kit's own model.</param>
public sealed record TableRow(string Model, EvaluationReport Report, AucInterval Interval, DeLongComparison? VersusConvLstm, WriteUpResults.ModelResult? Published);

/// <summary>The write-up's published results recomputed from its own arrays, beside the kit's y-tilde LSTM.</summary>
/// <param name="Splits">Label and baseline agreement per split.</param>
/// <param name="First">First scored test frame (119).</param>
/// <param name="Last">Last scored test frame (T-12).</param>
/// <param name="Table">The models over the scored test frames.</param>
/// <param name="YTildeRun">The y-tilde LSTM's run folder.</param>
/// <param name="Training">Its training, when this call trained (or finished) it; null for a run given ready.</param>
/// <param name="Metrics">The metrics JSON written.</param>
public sealed record WriteUpReport(IReadOnlyList<SplitAgreement> Splits, int First, int Last, IReadOnlyList<TableRow> Table,
    string YTildeRun, TrainingOutcome? Training, string Metrics);
