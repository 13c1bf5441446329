using FishKit.Evaluation;
using static FishKit.Tests.Evaluation.SklearnReference;

namespace FishKit.Tests.Evaluation;

/// <summary>Every curve and summary against scikit-learn 1.2.1 on seeded data with many ties (to 1e-12).</summary>
public class ScikitLearnReferenceTests
{
    public static IEnumerable<object[]> Datasets => DatasetNames();

    [Theory, MemberData(nameof(Datasets))]
    public void Roc_auc_matches_roc_auc_score(string name)
    {
        var d = Dataset(name);
        AssertClose(d.Number("roc_auc_score"), Roc.Auc(d.Labels(), d.Doubles("scores")));
        AssertClose(d.Number("roc_auc_score"), ThresholdCounts.Of(d.Labels(), d.Doubles("scores")).Auc);
    }

    [Theory, MemberData(nameof(Datasets))]
    public void Roc_curve_matches_roc_curve_with_and_without_dropping_intermediate_points(string name)
    {
        var d = Dataset(name);
        foreach (var (drop, key) in new[] { (true, "roc_curve"), (false, "roc_curve_all") })
        {
            var curve = Roc.Curve(d.Labels(), d.Doubles("scores"), dropIntermediate: drop);
            var expected = d.GetProperty(key);
            AssertClose(expected.Doubles("fpr"), curve.Fpr);
            AssertClose(expected.Doubles("tpr"), curve.Tpr);
            AssertClose(expected.Doubles("thresholds"), curve.Thresholds);
        }
    }

    [Theory, MemberData(nameof(Datasets))]
    public void Precision_recall_curve_and_average_precision_match(string name)
    {
        var d = Dataset(name);
        var curve = PrecisionRecall.Curve(d.Labels(), d.Doubles("scores"));
        var expected = d.GetProperty("precision_recall_curve");
        AssertClose(expected.Doubles("precision"), curve.Precision);
        AssertClose(expected.Doubles("recall"), curve.Recall);
        AssertClose(expected.Doubles("thresholds"), curve.Thresholds);
        AssertClose(d.Number("average_precision_score"), PrecisionRecall.AveragePrecision(d.Labels(), d.Doubles("scores")));
    }

    [Theory, MemberData(nameof(Datasets))]
    public void Report_matches_the_reference_thresholds(string name)
    {
        var d = Dataset(name);
        var report = EvaluationReport.Of(d.Labels(), d.Doubles("scores"));
        Assert.Equal(d.Labels().Length, report.N);
        Assert.Equal(d.Labels().Count(l => l), report.Positives);
        AssertClose(d.Number("roc_auc_score"), report.Auc);
        AssertClose(d.Number("average_precision_score"), report.AveragePrecision);
        var youden = d.GetProperty("youden");
        AssertClose(youden.Number("j"), report.Youden.J);
        AssertClose(youden.Number("threshold"), report.Youden.Threshold);
        AssertClose(youden.Number("tpr"), report.Youden.Tpr);
        AssertClose(youden.Number("fpr"), report.Youden.Fpr);
        var accuracy = d.GetProperty("max_accuracy");
        AssertClose(accuracy.Number("accuracy"), report.MaxAccuracy.Accuracy);
        AssertClose(accuracy.Number("threshold"), report.MaxAccuracy.Threshold);
        AssertClose(accuracy.Number("tpr"), report.MaxAccuracy.Tpr);
        AssertClose(accuracy.Number("fpr"), report.MaxAccuracy.Fpr);
    }

    [Theory, MemberData(nameof(Datasets))]
    public void Threshold_table_rows_are_the_roc_points_without_dropping(string name)
    {
        var d = Dataset(name);
        var table = OperatingPoints.Table(d.Labels(), d.Doubles("scores"));
        var expected = d.GetProperty("roc_curve_all");
        AssertClose(expected.Doubles("thresholds"), table.Select(r => r.Threshold).ToArray());
        AssertClose(expected.Doubles("tpr"), table.Select(r => r.Tpr).ToArray());
        AssertClose(expected.Doubles("fpr"), table.Select(r => r.Fpr).ToArray());
    }
}
