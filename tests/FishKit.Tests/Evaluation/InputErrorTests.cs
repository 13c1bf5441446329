using FishKit.Evaluation;

namespace FishKit.Tests.Evaluation;

/// <summary>Undefined cases raise one clear line instead of returning a number.</summary>
public class InputErrorTests
{
    public static TheoryData<bool[], double[], string> Undefined => new()
    {
        { [true, false, true], [0.1, 0.2], "differ in length (3 labels, 2 scores)" },
        { [], [], "empty" },
        { [true, false, true], [0.1, double.NaN, 0.3], "score at index 1 is NaN" },
        { [true, false], [double.PositiveInfinity, 0.3], "score at index 0 is Infinity" },
        { [true, false], [0.3, double.NegativeInfinity], "score at index 1 is -Infinity" },
        { [false, false, false], [0.1, 0.2, 0.3], "only negatives (all 0) in 3 frames" },
        { [true, true], [0.1, 0.2], "only positives (all 1) in 2 frames" },
    };

    [Theory, MemberData(nameof(Undefined))]
    public void Every_metric_refuses(bool[] labels, double[] scores, string message)
    {
        var calls = new Func<object>[]
        {
            () => Roc.Auc(labels, scores),
            () => Roc.Curve(labels, scores),
            () => PrecisionRecall.Curve(labels, scores),
            () => PrecisionRecall.AveragePrecision(labels, scores),
            () => OperatingPoints.Table(labels, scores),
            () => EvaluationReport.Of(labels, scores),
            () => BootstrapAuc.Interval(labels, scores, 10, seed: 1),
            () => DeLong.Compare(labels, scores, scores),
        };
        foreach (var call in calls)
        {
            var e = Assert.Throws<FishKitException>(call);
            Assert.Contains(message, e.Message);
            Assert.DoesNotContain('\n', e.Message);
        }
    }

    [Fact]
    public void Confusion_matrix_refuses_bad_input_but_allows_one_class()
    {
        Assert.Contains("differ in length", Assert.Throws<FishKitException>(() => ConfusionMatrix.At([true], [0.1, 0.2], 0.5)).Message);
        Assert.Contains("NaN", Assert.Throws<FishKitException>(() => ConfusionMatrix.At([true], [double.NaN], 0.5)).Message);
        Assert.Contains("threshold is NaN", Assert.Throws<FishKitException>(() => ConfusionMatrix.At([true], [0.1], double.NaN)).Message);
        Assert.Equal(new ConfusionMatrix(1, 0, 0, 0), ConfusionMatrix.At([true], [0.1], 0.1));
    }
}
