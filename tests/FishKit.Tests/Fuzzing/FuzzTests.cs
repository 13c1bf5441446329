using Xunit.Abstractions;

namespace FishKit.Tests.Fuzzing;

/// <summary>
/// The fuzzer that stays (issue #15): every reader meets a bounded number of seeded mutations of a valid file in each
/// `dotnet test` and must accept it or refuse it in one line, never throw anything else, hang or leave an output behind.
/// The counts print with <c>--logger "console;verbosity=detailed"</c>.
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Png_frames() => FuzzRun.Run(FuzzFormats.Png(), cases: 1000, seed: 1501, output);

    [Fact]
    public void Npy_series() => FuzzRun.Run(FuzzFormats.Npy(), cases: 1000, seed: 1502, output);

    [Fact]
    public void Csv_series() => FuzzRun.Run(FuzzFormats.Csv(), cases: 1000, seed: 1503, output);

    [Fact]
    public void Frame_stores() => FuzzRun.Run(FuzzFormats.FrameStoreFile(), cases: 600, seed: 1504, output);

    [Fact]
    public void Run_records() => FuzzRun.Run(FuzzFormats.RunRecordFile(), cases: 600, seed: 1505, output);

    [Fact]
    public void Run_configs() => FuzzRun.Run(FuzzFormats.RunConfigFile(), cases: 600, seed: 1506, output);

    [Fact]
    public void Ablation_grids() => FuzzRun.Run(FuzzFormats.Grid(), cases: 600, seed: 1507, output);
}

/// <summary>Checkpoints under the fuzzer; alone, because loading one sets TorchSharp's global state.</summary>
[Collection(FishKit.Tests.Models.GlobalGeneratorCollection.Name)]
public class CheckpointFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Checkpoints() => FuzzRun.Run(FuzzFormats.Checkpoint(), cases: 500, seed: 1508, output);
}
