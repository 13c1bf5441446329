using FishKit.Evaluation;
using static FishKit.Tests.Evaluation.SklearnReference;

namespace FishKit.Tests.Evaluation;

/// <summary>DeLong's test against a plain O(n^2) numpy implementation of the placements (make_evaluation_reference.py).</summary>
public class DeLongTests
{
    public static IEnumerable<object[]> Cases => DeLongNames();

    [Theory, MemberData(nameof(Cases))]
    public void Matches_the_quadratic_reference(string name)
    {
        var c = DeLongCase(name);
        var result = DeLong.Compare(c.Labels(), c.Doubles("scores_a"), c.Doubles("scores_b"));
        AssertClose(c.Number("auc_a"), result.AucA);
        AssertClose(c.Number("auc_b"), result.AucB);
        AssertClose(c.Number("variance_a"), result.VarianceA, 1e-15);
        AssertClose(c.Number("variance_b"), result.VarianceB, 1e-15);
        AssertClose(c.Number("covariance"), result.Covariance, 1e-15);
        AssertClose(c.Number("z"), result.Z, 1e-10);
        AssertClose(c.Number("p_value"), result.PValue, 1e-12);
    }

    [Theory, MemberData(nameof(Cases))]
    public void Swapping_the_series_negates_z_and_keeps_p(string name)
    {
        var c = DeLongCase(name);
        var ab = DeLong.Compare(c.Labels(), c.Doubles("scores_a"), c.Doubles("scores_b"));
        var ba = DeLong.Compare(c.Labels(), c.Doubles("scores_b"), c.Doubles("scores_a"));
        Assert.Equal(-ab.Z, ba.Z, 12);
        Assert.Equal(ab.PValue, ba.PValue, 14);
    }

    [Fact]
    public void Hand_computed_small_case()
    {
        // Positives (frames 0, 1), negatives (2, 3). A: 0.9, 0.4 | 0.5, 0.1 ; B: 0.6, 0.7 | 0.6, 0.2.
        // Placements A: positives 2/2, 1/2; negatives 1/2, 2/2 -> AUC 3/4. B: positives (1 + 1/2)/2 = 3/4, 2/2;
        // negatives (1/2 + 1)/2 = 3/4, 2/2 -> AUC 7/8. Sample variances (m - 1 = 1): A over positives
        // (1 - 3/4)^2 * 2 = 1/8, over negatives 1/8 -> VarA = 1/16 + 1/16 = 1/8. B: (1/8)^2 * 2 = 1/32 each -> 1/32.
        // Covariances: positives (1/4)(-1/8) + (-1/4)(1/8) = -1/16; negatives (-1/4)(-1/8) + (1/4)(1/8) = 1/16 -> 0.
        var r = DeLong.Compare([true, true, false, false], [0.9, 0.4, 0.5, 0.1], [0.6, 0.7, 0.6, 0.2]);
        Assert.Equal((0.75, 0.875), (r.AucA, r.AucB));
        Assert.Equal(1.0 / 8, r.VarianceA, 15);
        Assert.Equal(1.0 / 32, r.VarianceB, 15);
        Assert.Equal(0, r.Covariance, 15);
        Assert.Equal(-0.125 / Math.Sqrt(5.0 / 32), r.Z, 14);
    }

    [Fact]
    public void Refuses_undefined_comparisons()
    {
        bool[] labels = [true, true, false, false, true];
        double[] a = [0.9, 0.4, 0.5, 0.1, 0.3];
        Assert.Contains("zero variance", Assert.Throws<FishKitException>(() => DeLong.Compare(labels, a, a)).Message);
        Assert.Contains("differ in length (5 and 4)", Assert.Throws<FishKitException>(() => DeLong.Compare(labels, a, a[..4])).Message);
        Assert.Contains("at least 2 positives and 2 negatives; the labels hold 4 and 1",
            Assert.Throws<FishKitException>(() => DeLong.Compare([true, true, true, false, true], a, [.. a.Reverse()])).Message);
        Assert.Contains("NaN", Assert.Throws<FishKitException>(() => DeLong.Compare(labels, a, [0.1, 0.2, double.NaN, 0.4, 0.5])).Message);
    }

    [Fact]
    public void Normal_tail_matches_python_erfc()
    {
        foreach (var (x, expected) in Erfc())
        {
            double actual = NormalDistribution.Erfc(x);
            Assert.True(Math.Abs(actual - expected) <= 4e-15 * expected, $"erfc({x}) = {actual:R}, expected {expected:R}");
        }
        Assert.Equal(1.0, NormalDistribution.TwoSidedP(0));
        Assert.Equal(0.05, NormalDistribution.TwoSidedP(1.959963984540054), 12);
    }
}
