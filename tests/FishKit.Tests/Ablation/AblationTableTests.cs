using FishKit.Ablation;
using FishKit.Training;

namespace FishKit.Tests.Ablation;

public class AblationTableTests
{
    const int N = 200;
    static readonly bool[] Labels = Enumerable.Range(0, N).Select(i => i % 2 == 0).ToArray();

    /// <summary>Scores unrelated to the labels (AUC near 0.5).</summary>
    static readonly double[] Unrelated = Enumerable.Range(0, N).Select(i => (i * 7919 % 211) / 211.0).ToArray();

    /// <summary>Every positive above every negative (AUC 1).</summary>
    static readonly double[] Perfect = Enumerable.Range(0, N).Select(i => (i % 2 == 0 ? 1.0 : 0.0) + i * 1e-4).ToArray();

    static RunRecord Record(int cell, int seed, double auc) => new(cell, seed, [], RunConfig.Teaching, "hash", null, [], "machine", "cpu", 1.0,
        TrainingStatus.Completed, new TrainingHistory { Epochs = [new EpochRecord(1, 0.5, null, 0.25 + seed, null, 0.1, 1.0, 3)] },
        FirstFrame: 0, LastFrame: N - 1, auc, AveragePrecision: 0.5);

    [Fact]
    public void Each_cell_gets_its_mean_and_spread_over_seeds_and_a_verdict_against_the_base_cell()
    {
        var grid = AblationGrid.Parse("""{"data": {"train": "t", "validation": "v"}, "factors": {"training.learningRate": [0.001, 0.01, 0.1]}, "seeds": [1, 2]}""", "g.json", "/d");
        var table = AblationTable.Of(grid, (cell, seed) =>
            (Record(cell, seed, seed == 1 ? 0.5 : 0.7), cell == 1 ? Perfect : Unrelated, Labels), resamples: 300, bootstrapSeed: 1);

        Assert.Equal(["training.learningRate"], table.Factors);
        var (baseRow, better, same) = (table.Rows[0], table.Rows[1], table.Rows[2]);
        Assert.Equal(0.6, baseRow.AucMean, 12);
        Assert.Equal(Math.Sqrt(0.02), baseRow.AucSd, 12); // sample sd of 0.5 and 0.7
        Assert.Equal(1.75, baseRow.BestValidationLossMean, 12); // 1.25 and 2.25
        Assert.Equal(("base", null, null), (baseRow.Verdict, baseRow.Difference, baseRow.DeLongP));

        double unrelatedAuc = FishKit.Evaluation.Roc.Auc(Labels, Unrelated);
        Assert.Equal(1 - unrelatedAuc, better.Difference!.Difference, 12);
        Assert.True(better.Difference.Lower > 0);
        Assert.True(better.DeLongP < 0.05);
        Assert.Equal("better", better.Verdict);

        Assert.Equal(0, same.Difference!.Difference);
        Assert.Equal(1, same.DeLongP);
        Assert.Equal("within noise", same.Verdict);

        var csv = table.ToCsv().Split('\n');
        Assert.Equal("cell,training.learningRate,seeds,epochs_mean,auc_mean,auc_sd,ap_mean,best_val_loss_mean,auc_diff,diff_ci_low,diff_ci_high,delong_p_max,verdict", csv[0]);
        Assert.StartsWith("0,0.001,2,1,0.6,", csv[1]);
        Assert.EndsWith(",,,,,base", csv[1]);
    }

    [Fact]
    public void A_clear_difference_on_the_frames_is_still_within_noise_when_seeds_move_the_auc_further()
    {
        var grid = AblationGrid.Parse("""{"data": {"train": "t", "validation": "v"}, "factors": {"training.learningRate": [0.001, 0.01]}, "seeds": [1, 2]}""", "g.json", "/d");
        // Cell 1 ranks every frame right (AUC 1 against the base's ~0.5: bootstrap and DeLong call it better), but its two
        // seeds' validation AUCs are 0.2 and 1.0 (sd 0.57), more than the 0.5 it gains.
        var table = AblationTable.Of(grid, (cell, seed) =>
            (Record(cell, seed, cell == 1 && seed == 1 ? 0.2 : cell == 1 ? 1.0 : 0.5), cell == 1 ? Perfect : Unrelated, Labels), resamples: 300, bootstrapSeed: 1);

        var row = table.Rows[1];
        Assert.True(row.Difference!.Lower > 0 && row.DeLongP < 0.05);
        Assert.Equal(Math.Sqrt(0.32), row.AucSd, 12);
        Assert.Equal("within noise", row.Verdict);
    }
}
