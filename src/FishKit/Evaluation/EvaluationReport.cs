namespace FishKit.Evaluation;

/// <summary>
/// The write-up's summary of a score series against labels: size, positives, ROC AUC, average precision, and the
/// thresholds that maximise Youden's J and accuracy with the rates there (a threshold t means "predict 1 when score &gt;= t").
/// </summary>
public sealed record EvaluationReport(
    int N, int Positives, double Auc, double AveragePrecision, YoudenOptimum Youden, AccuracyOptimum MaxAccuracy)
{
    /// <summary>Evaluates <paramref name="scores"/> against <paramref name="labels"/>; O(n log n), one ranking shared by all.</summary>
    public static EvaluationReport Of(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores) => Of(ThresholdCounts.Of(labels, scores));

    /// <summary>The report read from <paramref name="counts"/>.</summary>
    public static EvaluationReport Of(ThresholdCounts counts) =>
        new(counts.Count, counts.Positives, counts.Auc, PrecisionRecall.AveragePrecision(counts),
            OperatingPoints.MaxYouden(counts), OperatingPoints.MaxAccuracy(counts));
}
