using FishKit.Models;
using FishKit.Synthetic;
using FishKit.Training;

namespace FishKit.Notebooks.Tests;

/// <summary>Run folders of training cells: a later notebook reuses a finished run of its recipe and trains anything else afresh.</summary>
public class NotebookRunsTests
{
    /// <summary>A recipe small enough for a test: 32x24 frames, clips of 4 steps x 4 frames, 2 batches.</summary>
    static readonly RunConfig Tiny = RunConfig.Teaching with
    {
        Model = new ConvLstmConfig { Filters = [2] },
        Width = 32, Height = 24, Steps = 4, Channels = 4, Stride = 2,
        Training = RunConfig.Teaching.Training with { Epochs = 1, MaxBatchesPerEpoch = 2, Threads = 1 },
        Batches = RunConfig.Teaching.Batches with { BatchSize = 4 },
        EvaluationBatchSize = 64,
    };

    /// <summary>Counts the displays made and the progress they were given.</summary>
    sealed class Displays
    {
        public int Made { get; private set; }

        public int Reports { get; private set; }

        public IProgress<TrainingProgress> Make()
        {
            Made++;
            return new Counter(this);
        }

        sealed class Counter(Displays owner) : IProgress<TrainingProgress>
        {
            public void Report(TrainingProgress value) => owner.Reports++;
        }
    }

    [Fact]
    public void A_finished_run_of_the_same_recipe_on_the_same_data_is_reused_and_any_other_is_trained_afresh()
    {
        using var temp = new TempDir();
        var sim = TankSimulator.Run(new TankParameters(), seed: 5, frames: 600);
        TankSession.WriteSplits(sim, temp["tank"], [new("train", 300), new("validation", 300)]);
        string train = temp["tank/train"], validation = temp["tank/validation"];
        string name = $"test-finished-{Guid.NewGuid():N}";
        var displays = new Displays();
        RunFolder? run = null;
        try
        {
            run = NotebookRuns.Finished(name, Tiny, train, validation, displays.Make);
            Assert.StartsWith(name, Path.GetFileName(run.Path));
            Assert.Equal(Path.GetFullPath(NotebookRuns.Root()), Path.GetFullPath(Path.GetDirectoryName(run.Path)!));
            Assert.Equal(1, displays.Made);
            Assert.Equal(3, displays.Reports); // 2 batches and the finished epoch
            Assert.True(File.Exists(run.Summary));
            Assert.Equal(Tiny.ToJson(), File.ReadAllText(Runs.ConfigPath(run)));
            var trained = File.GetLastWriteTimeUtc(run.Best);

            var again = NotebookRuns.Finished(name, Tiny, train, validation, displays.Make);
            Assert.Equal(run, again);
            Assert.Equal(1, displays.Made); // no training, so no display
            Assert.Equal(trained, File.GetLastWriteTimeUtc(run.Best));

            var other = Tiny with { Training = Tiny.Training with { Seed = 2 } };
            NotebookRuns.Finished(name, other, train, validation, displays.Make);
            Assert.Equal(2, displays.Made);
            Assert.Equal(other.ToJson(), File.ReadAllText(Runs.ConfigPath(run)));

            NotebookRuns.Finished(name, other, validation, train, displays.Make); // the same recipe on other data
            Assert.Equal(3, displays.Made);

            File.Delete(run.Summary); // a run stopped before it finished
            NotebookRuns.Finished(name, other, validation, train, displays.Make);
            Assert.Equal(4, displays.Made);
            Assert.True(File.Exists(run.Summary));
        }
        finally
        {
            if (run is not null && Directory.Exists(run.Path)) Directory.Delete(run.Path, recursive: true);
        }
    }
}
