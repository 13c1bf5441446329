using FishKit.Ablation;
using FishKit.Models;
using FishKit.Training;

namespace FishKit.Tests.Ablation;

public class AblationGridTests
{
    static AblationGrid Parse(string factors, string extra = "") => AblationGrid.Parse(
        $$"""{"preset": "teaching", "data": {"train": "t", "validation": "v"}, "factors": {{factors}}, "seeds": [1, 2]{{extra}}}""",
        "g.json", "/data");

    static string Error(string factors, string extra = "") =>
        Assert.Throws<FishKitException>(() => Parse(factors, extra)).Message;

    [Fact]
    public void A_full_factorial_expands_in_order_with_the_last_factor_fastest()
    {
        var grid = Parse("""{"training.learningRate": [0.001, 0.01], "model.filters": [[4], [8], [4, 8]]}""",
            """, "budget": {"epochs": 1, "maxBatchesPerEpoch": 3}""");
        Assert.Equal(6, grid.Cells.Count);
        Assert.Equal("/data/t", grid.Train);
        var cell4 = grid.Cell(4); // 4 = 1 * 3 + 1: second learning rate, second filters
        Assert.Equal([1, 1], cell4.Levels);
        Assert.Equal(0.01, cell4.Config.Training.LearningRate);
        Assert.Equal([8], ((ConvLstmConfig)cell4.Config.Model).Filters);
        Assert.Equal([4, 8], ((ConvLstmConfig)grid.Cell(2).Config.Model).Filters);
        Assert.Equal(0.001, grid.Cell(2).Config.Training.LearningRate);
        Assert.All(grid.Cells, c => Assert.Equal((1, 3), (c.Config.Training.Epochs, c.Config.Training.MaxBatchesPerEpoch)));
        Assert.Equal(RunConfig.Teaching.Width, cell4.Config.Width); // the teaching preset's other settings stay
        Assert.Equal(["0.01", "[8]"], grid.Labels(cell4));
    }

    [Fact]
    public void Named_levels_set_several_settings_together()
    {
        var grid = Parse("""{"input": {"time channels": {}, "single frames": {"channels": 1, "model.inputChannels": 1, "steps": 40}}}""");
        Assert.Equal(4, grid.Cell(0).Config.Channels);
        Assert.Equal(1, grid.Cell(1).Config.Channels);
        Assert.Equal(1, ((ConvLstmConfig)grid.Cell(1).Config.Model).InputChannels);
        Assert.Equal(["single frames"], grid.Labels(grid.Cell(1)));
    }

    [Fact]
    public void Listed_levels_are_labelled_by_their_value_strings_without_quotes()
    {
        var grid = Parse("""{"training.classWeighting": ["from_labels", "none"], "training.learningRate": [2e-3, 0.0002]}""");
        Assert.Equal(["none", "0.0002"], grid.Labels(grid.Cell(3)));
        Assert.Equal(["from_labels", "2e-3"], grid.Labels(grid.Cell(0))); // the number as the grid writes it
        Assert.Equal(ClassWeighting.None, grid.Cell(3).Config.Training.ClassWeighting);
    }

    [Fact]
    public void A_minutes_budget_sets_each_runs_time_limit_beside_the_epoch_cap()
    {
        var grid = Parse("""{"batches.flips": [true, false]}""", """, "budget": {"epochs": 30, "minutes": 0.5}""");
        Assert.All(grid.Cells, c => Assert.Equal((30, 0.5), (c.Config.Training.Epochs, c.Config.Training.MaxMinutes)));
        Assert.Null(Parse("""{"batches.flips": [true, false]}""").Cell(0).Config.Training.MaxMinutes);
        Assert.Contains("budget minutes must be a number", Error("""{"batches.flips": [true]}""", """, "budget": {"minutes": "2"}"""));
        Assert.Contains("max minutes = -1", Error("""{"batches.flips": [true]}""", """, "budget": {"minutes": -1}"""));
        Assert.Contains("budget 'hours' is not known", Error("""{"batches.flips": [true]}""", """, "budget": {"hours": 1}"""));
    }

    [Fact]
    public void The_hash_follows_the_content_not_the_whitespace()
    {
        var a = Parse("""{"training.learningRate": [0.001, 0.01]}""");
        var b = AblationGrid.Parse(
            """{ "preset":"teaching", "data":{"train":"t","validation":"v"}, "factors":{ "training.learningRate":[0.001,0.01] }, "seeds":[1,2] }""", "h.json", "/x");
        var c = Parse("""{"training.learningRate": [0.001, 0.02]}""");
        Assert.Equal(a.Hash, b.Hash);
        Assert.NotEqual(a.Hash, c.Hash);
    }

    [Fact]
    public void Bad_grids_are_refused_in_one_line_naming_the_culprit()
    {
        Assert.Contains("unknown setting 'training.learnRate'", Error("""{"training.learnRate": [0.1]}"""));
        Assert.Contains("takes a number", Error("""{"training.learningRate": ["fast"]}"""));
        Assert.Contains("no factors", Error("{}"));
        Assert.Contains("no levels", Error("""{"batches.flips": []}"""));
        Assert.Contains("same level twice", Error("""{"batches.flips": [true, true]}"""));
        Assert.Contains("duplicate cells", Error("""{"training.epochs": [1, 2], "again": {"one": {"training.epochs": 1}, "two": {"training.epochs": 2}}}"""));
        Assert.Contains("cell 2 is out of range", Assert.Throws<FishKitException>(() => Parse("""{"batches.flips": [true, false]}""").Cell(2)).Message);
        Assert.Contains("unknown key 'seed'", Error("""{"batches.flips": [true]}""", """, "seed": 3"""));
        Assert.Contains("make them equal", Error("""{"channels": [1]}"""));
        Assert.All(new[] { Error("""{"training.learnRate": [0.1]}"""), Error("{}") }, m => Assert.DoesNotContain('\n', m));
    }

    [Fact]
    public void The_example_grid_in_the_repository_reads_as_four_cells_on_the_sample_data()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "examples", "ablation-grid.json"))) folder = folder.Parent!;
        var grid = AblationGrid.Load(Path.Combine(folder.FullName, "examples", "ablation-grid.json"));
        Assert.Equal(4, grid.Cells.Count);
        Assert.Equal([1, 2], grid.Seeds);
        Assert.Equal(Path.Combine(folder.FullName, "data-samples", "synthetic-tank", "validation"), grid.Validation);
        Assert.Equal(FishKit.Training.ClassWeighting.None, grid.Cell(3).Config.Training.ClassWeighting);
        Assert.Equal(2e-4, grid.Cell(3).Config.Training.LearningRate);
    }
}
