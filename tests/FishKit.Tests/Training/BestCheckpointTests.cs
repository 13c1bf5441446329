using FishKit.Training;

namespace FishKit.Tests.Training;

public class BestCheckpointTests
{
    static TrainingHistory History(BestCheckpoint keep) => new()
    {
        KeepBest = keep,
        Epochs =
        [
            new EpochRecord(1, 0.5, null, 0.40, 0.80, 0.1, 1, 10),
            new EpochRecord(2, 0.4, null, 0.30, 0.85, 0.1, 1, 20),
            new EpochRecord(3, 0.3, null, 0.35, 0.90, 0.1, 1, 30),
            new EpochRecord(4, 0.2, null, 0.45, 0.90, 0.1, 1, 40),
        ],
    };

    [Fact]
    public void The_best_epoch_is_the_lowest_validation_loss_by_default_or_the_first_highest_AUC()
    {
        Assert.Equal(2, History(BestCheckpoint.LowestValidationLoss).BestEpoch);
        Assert.Equal(3, History(BestCheckpoint.HighestValidationAuc).BestEpoch);
        Assert.Equal("highest validation AUC", History(BestCheckpoint.HighestValidationAuc).BestMeaning);
        Assert.Equal(BestCheckpoint.LowestValidationLoss, new TrainingOptions().KeepBest);
    }

    [Fact]
    public void The_rule_survives_the_history_file_and_old_histories_keep_the_lowest_loss()
    {
        var stored = TrainingHistory.FromJson(History(BestCheckpoint.HighestValidationAuc).ToJson());
        Assert.Equal(3, stored.BestEpoch);
        Assert.Contains("\"keepBest\": \"highest_validation_auc\"", History(BestCheckpoint.HighestValidationAuc).ToJson());
        var json = System.Text.Json.Nodes.JsonNode.Parse(History(BestCheckpoint.HighestValidationAuc).ToJson())!.AsObject();
        json.Remove("keepBest");
        var old = TrainingHistory.FromJson(json.ToJsonString());
        Assert.Equal(2, old.BestEpoch);
    }
}
