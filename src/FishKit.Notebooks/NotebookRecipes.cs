using FishKit.Training;

namespace FishKit.Notebooks;

/// <summary>
/// The recipes the notebooks train, shortened in quick mode. Notebooks that share a run take them from here, so the
/// run one notebook trains is the run the next reuses (<see cref="NotebookRuns.Finished"/>): notebook 3 trains the
/// y-tilde LSTM and notebook 6 the teaching ConvLSTM; notebook 7 evaluates both.
/// </summary>
public static class NotebookRecipes
{
    /// <summary>The teaching ConvLSTM (<see cref="RunConfig.Teaching"/>); quick mode: 2 epochs of 5 batches.</summary>
    public static RunConfig Teaching => NotebookMode.Choose(RunConfig.Teaching,
        RunConfig.Teaching with { Training = RunConfig.Teaching.Training with { Epochs = 2, MaxBatchesPerEpoch = 5 } });

    /// <summary>The y-tilde LSTM (<see cref="RunConfig.YTildeLstm"/>); quick mode: 2 epochs of 15 batches.</summary>
    public static RunConfig YTildeLstm => NotebookMode.Choose(RunConfig.YTildeLstm,
        RunConfig.YTildeLstm with { Training = RunConfig.YTildeLstm.Training with { Epochs = 2, MaxBatchesPerEpoch = 15 } });
}
