using FishKit.Training;

namespace FishKit.Notebooks;

/// <summary>
/// The recipes the notebooks train, shortened in quick mode. Notebooks that share a run take them from here, so the
/// run one notebook trains is the run the next reuses (<see cref="NotebookRuns.Finished"/>): notebook 3 trains the
/// y-tilde LSTM (and, with the write-up's clone, its recipe for the real tank) and notebook 6 the teaching ConvLSTM;
/// notebook 7 evaluates them.
/// </summary>
public static class NotebookRecipes
{
    /// <summary>Test frames the write-up's full-size ConvLSTM scores in quick mode (each clip takes a few tenths of a second on a CPU).</summary>
    public const int QuickScoredFrames = 120;

    /// <summary>The teaching ConvLSTM (<see cref="RunConfig.Teaching"/>); quick mode: 2 epochs of 5 batches.</summary>
    public static RunConfig Teaching => NotebookMode.Choose(RunConfig.Teaching,
        RunConfig.Teaching with { Training = RunConfig.Teaching.Training with { Epochs = 2, MaxBatchesPerEpoch = 5 } });

    /// <summary>The y-tilde LSTM (<see cref="RunConfig.YTildeLstm"/>); quick mode: 2 epochs of 15 batches.</summary>
    public static RunConfig YTildeLstm => NotebookMode.Choose(RunConfig.YTildeLstm, Quick(RunConfig.YTildeLstm));

    /// <summary>The y-tilde LSTM on the write-up's own y-tilde (<see cref="RunConfig.WriteUpYTildeLstm"/>); quick mode: 2 epochs of 15 batches.</summary>
    public static RunConfig WriteUpYTildeLstm => NotebookMode.Choose(RunConfig.WriteUpYTildeLstm, Quick(RunConfig.WriteUpYTildeLstm));

    /// <summary>
    /// The frames <paramref name="first"/> .. <paramref name="last"/> of a split labelled by <paramref name="labels"/> that
    /// the write-up's imported ConvLSTM scores: all of them, or in quick mode <see cref="QuickScoredFrames"/> from 30 before the
    /// first frame labelled 1, so that both labels are among them.
    /// </summary>
    public static (int First, int Last) WriteUpConvLstmFrames(bool[] labels, int first, int last)
    {
        int from = Math.Clamp(Array.IndexOf(labels, true, first) - 30, first, last);
        return NotebookMode.Choose((first, last), (from, Math.Min(last, from + QuickScoredFrames - 1)));
    }

    static RunConfig Quick(RunConfig full) => full with { Training = full.Training with { Epochs = 2, MaxBatchesPerEpoch = 15 } };
}
