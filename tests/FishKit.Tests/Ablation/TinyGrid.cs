using FishKit.Synthetic;

namespace FishKit.Tests.Ablation;

/// <summary>
/// Tiny ablation grids for tests: a simulated tank (300 training and 300 validation frames) and a recipe of 32x24
/// frames, clips of 4 x 4 frames, 2 filters and one thread, one seed.
/// </summary>
static class TinyGrid
{
    /// <summary>
    /// Writes the tank into <paramref name="dir"/> (once) and <c>grid-<paramref name="name"/>.json</c> with
    /// <paramref name="factors"/> (the grid's factors object) and <paramref name="budget"/>; returns the grid's path.
    /// </summary>
    public static string Write(TempDir dir, string name, string factors, string budget = """{"epochs": 1, "maxBatchesPerEpoch": 2}""")
    {
        if (!Directory.Exists(dir["tank"]))
        {
            var sim = TankSimulator.Run(new TankParameters(), seed: 5, frames: 600);
            TankSession.WriteSplits(sim, dir["tank"], [new("train", 300), new("validation", 300)]);
        }
        var path = dir[$"grid-{name}.json"];
        File.WriteAllText(path, $$"""
            {
              "preset": "teaching",
              "recipe": {"model": {"filters": [2]}, "width": 32, "height": 24, "steps": 4, "stride": 2,
                         "training": {"threads": 1}, "batches": {"batchSize": 4}, "evaluationBatchSize": 64},
              "data": {"train": "tank/train", "validation": "tank/validation"},
              "factors": {{factors}},
              "seeds": [1],
              "budget": {{budget}}
            }
            """);
        return path;
    }
}
