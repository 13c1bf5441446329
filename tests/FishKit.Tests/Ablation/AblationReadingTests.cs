using FishKit.Ablation;
using FishKit.Evaluation;
using FishKit.Training;

namespace FishKit.Tests.Ablation;

/// <summary>The ablation reading on a hand-made two-cell table whose numbers are known.</summary>
public class AblationReadingTests
{
    static RunRecord Record(int cell, int seed, double auc, double seconds)
    {
        var history = new TrainingHistory();
        history.Epochs.Add(new EpochRecord(1, 0.6, 0.7, 0.58, auc, 0.05, seconds, 10));
        return new RunRecord(cell, seed, [], RunConfig.Teaching with { Training = RunConfig.Teaching.Training with { MaxBatchesPerEpoch = 10 } },
            new string('a', 64), null, [], "2 cores", "cpu", seconds, TrainingStatus.Completed, history, 119, 288, auc, 0.4);
    }

    [Fact]
    public void Two_seeds_a_difference_smaller_than_the_seed_spread_and_the_time_per_cell_are_read_out()
    {
        var table = new AblationTable(["input"],
        [
            new CellRow(0, ["time channels"], 2, 1, 0.70, 0.05, 0.4, 0.6, null, null, "base"),
            new CellRow(1, ["single frames"], 2, 1, 0.75, 0.01, 0.4, 0.6, new AucDifference(0.05, 0.01, 0.09, 0.95, 500, 0), 0.01, "better"),
        ]);
        // cell 0 seeds 0.65 and 0.75 (spread 0.10), cell 1 seeds 0.74 and 0.76; 10 + 12 s and 4 + 6 s
        RunRecord[] records = [Record(0, 1, 0.65, 10), Record(0, 2, 0.75, 12), Record(1, 1, 0.74, 4), Record(1, 2, 0.76, 6)];

        var lines = AblationReading.Lines(table, records);

        Assert.Equal("0 of 1 comparisons with the base cell are within noise; on these validation frames single frames is better by +0.050.", lines[0]);
        Assert.StartsWith("The best cell is single frames with a mean AUC of 0.750; the write-up's ConvLSTM reached 0.830 on its test split after 5 epochs over its 44,956 training frames.", lines[1]);
        Assert.StartsWith("Seeds: the same cell trained with another seed moved its AUC by up to 0.100, while the bootstrap intervals are ±0.040 on average.", lines[2]);
        Assert.EndsWith("Every difference called better or worse is smaller than that spread, so none of them is a finding yet.", lines[2]);
        Assert.StartsWith("Budget: every run trained 1 epoch(s) of at most 10 batches of 16 clips.", lines[3]);
        Assert.Equal("Time: time channels 11 s per run; single frames 5 s per run (32 s in all).", lines[4]);
    }
}
