using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FishKit.IO;
using FishKit.Keras;
using FishKit.Models;
using FishKit.Tests.Frames;
using FishKit.Training;
using static TorchSharp.torch;

namespace FishKit.Tests.Keras;

/// <summary>
/// <c>fishkit import keras</c> on checkpoints that TensorFlow.js' Keras layers scored (Reference/keras): the imported
/// run must give tfjs' outputs, through the model and through <c>fishkit predict</c>.
/// </summary>
public class KerasImportTests
{
    const double Tolerance = 1e-5;

    static readonly KerasFixture Fixture = KerasFixture.Load();

    /// <summary>The fixture's checkpoint folders: both published models as the author saved them (no ConvLSTM biases), and the two-layer one with biases.</summary>
    public static TheoryData<string> Folders() => ["writeup-best", "writeup-two-layer", "writeup-two-layer-bias"];

    /// <summary>Imports the fixture's model in <paramref name="folder"/> into <c>dir/run</c>.</summary>
    static (KerasFixture.Model Tfjs, RunFolder Run) Import(string folder, TempDir dir)
    {
        var tfjs = Fixture.For(folder);
        var result = Cli.Run("import", "keras", tfjs.Path, "--out", dir["run"]);
        Assert.True(result.ExitCode == 0, result.Error);
        return (tfjs, new RunFolder(dir["run"]));
    }

    static RunConfig Recipe(RunFolder run) => RunConfig.FromJson(File.ReadAllText(Runs.ConfigPath(run)), "run.json");

    /// <summary>The run's model with its best checkpoint loaded, in eval mode, and its logits for the fixture's clips.</summary>
    static double[] Logits(RunFolder run)
    {
        using var scope = NewDisposeScope();
        var config = Recipe(run);
        using var model = config.Model.Create();
        Checkpoint.Load(run.Best, model, config.Model, optimizer: null);
        model.eval();
        using var _ = no_grad();
        return [.. model.forward(Fixture.ClipTensor()).to_type(ScalarType.Float64).data<double>()];
    }

    static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) < Tolerance, $"clip {i}: tfjs {expected[i]}, kit {actual[i]}");
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void The_imported_model_gives_tfjs_logits_and_probabilities(string folder)
    {
        using var dir = new TempDir();
        var (tfjs, run) = Import(folder, dir);
        var logits = Logits(run);
        AssertClose(tfjs.Logits, logits);
        AssertClose(tfjs.Probabilities, [.. logits.Select(l => 1 / (1 + Math.Exp(-l)))]);
        // The recognised model is the kit's architecture of that name, with the checkpoint's biases.
        var config = Recipe(run);
        Assert.Equal((ConvLstmConfig)Architectures.Config(tfjs.Architecture) with { UseBias = tfjs.UseBias }, config.Model);
    }

    [Fact]
    public void The_run_records_the_source_folder_its_file_hashes_and_the_optimizer_state()
    {
        using var dir = new TempDir();
        var tfjs = Fixture.For(Architectures.WriteUpBest);
        var result = Cli.Run("import", "keras", tfjs.Path, "--out", dir["run"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("writeup-best (Adam step 5,000,000,123, learning rate 8E-05)", result.Output);
        var run = new RunFolder(dir["run"]);

        var source = JsonNode.Parse(File.ReadAllText(run.Config))!["data"]!["imported_from"]!;
        Assert.Equal(Path.GetFullPath(tfjs.Path), (string)source["folder"]!);
        Assert.Equal("writeup-best", (string)source["architecture"]!);
        foreach (var file in new[] { "variables/variables.index", "variables/variables.data-00000-of-00001" })
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(tfjs.Path, file)))), (string)source["sha256"]![file]!);
        Assert.Equal(Fixture.Iterations, (long)source["optimizerIterations"]!);
        Assert.Equal(Fixture.LearningRate, (double)source["learningRate"]!);

        var config = Recipe(run);
        Assert.Equal(new RunConfig() with { Model = config.Model }, config); // the write-up's recipe, with its learning rate 8e-5 and betas 0.9, 0.999
        Assert.Equal(Fixture.Iterations, Checkpoint.ReadState(run.Best).Steps);
        Assert.Equal(KerasImport.Status, (string)JsonNode.Parse(File.ReadAllText(run.Summary))!["status"]!);
        Assert.Empty(TrainingHistory.FromJson(File.ReadAllText(run.History)).Epochs);
        Assert.False(run.HasRun); // no last.ckpt: nothing to resume
    }

    [Fact]
    public void The_same_weights_under_the_other_names_Keras_gives_them_import_alike()
    {
        // layer_with_weights-0/cell/kernel, variables/2, non_trainable_variables/1, trainable_variables/2, layer-4/bias;
        // no optimizer variables.
        using var dir = new TempDir();
        var tfjs = Fixture.For(Architectures.WriteUpBest);
        var folder = KerasFixture.Copy(tfjs.Path, dir["renamed"]);
        File.Copy(Path.Combine(KerasFixture.Root, "variants", "writeup-best-other-names.index"), Path.Combine(folder, "variables", "variables.index"), overwrite: true);
        var result = Cli.Run("import", "keras", folder, "--out", dir["run"]);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Adam step not saved", result.Output);
        AssertClose(tfjs.Logits, Logits(new RunFolder(dir["run"])));
        Assert.Equal(new TrainingOptions(), Recipe(new RunFolder(dir["run"])).Training);
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Predict_on_the_fixture_clips_as_frames_gives_tfjs_probabilities(string folder)
    {
        // The clips' frames written as PNGs in time order (clip 0's 24 frames, then clip 1's), then frames repeated up to
        // the 166 the labelling needs; the run's recipe set to the clips' size (6 steps of 4 frames, 24x20: no resize),
        // so predict's clip ending at frame 23 is clip 0 and the one ending at frame 47 is clip 1.
        using var dir = new TempDir();
        var (tfjs, run) = Import(folder, dir);
        long[] shape = Fixture.Clips.Shape;
        int steps = (int)shape[1], height = (int)shape[2], width = (int)shape[3], channels = (int)shape[4];
        var bytes = Fixture.ClipBytes();
        var frames = new List<byte[]>();
        for (int b = 0; b < shape[0]; b++)
            for (int s = 0; s < steps; s++)
                for (int c = 0; c < channels; c++)
                    frames.Add([.. Enumerable.Range(0, height * width).Select(p => bytes[(((b * steps + s) * height * width) + p) * channels + c])]);
        while (frames.Count < 166) frames.Add(frames[frames.Count % 48]);
        TestImages.SaveSequence(dir["frames"], frames, width, height);
        var config = Recipe(run) with { Width = width, Height = height, Steps = steps };
        AtomicFile.WriteText(Runs.ConfigPath(run), config.ToJson());

        var result = Cli.Run("predict", "--run", run.Path, "--frames", dir["frames"], "--out", dir["scores.npy"]);
        Assert.True(result.ExitCode == 0, result.Error);
        var scores = Series.Read(dir["scores.npy"]);
        AssertClose(tfjs.Probabilities, [scores[23], scores[47]]);
    }

    [Fact]
    public void Tfjs_hard_sigmoid_is_the_kits()
    {
        using var scope = NewDisposeScope();
        var y = Activation.HardSigmoid.Apply(tensor(Fixture.HardSigmoid.X)).data<double>().ToArray();
        for (int i = 0; i < y.Length; i++) Assert.Equal(Fixture.HardSigmoid.Y[i], y[i], 6);
    }

    [Fact]
    public void An_existing_folder_is_replaced_only_with_force()
    {
        using var dir = new TempDir();
        var path = Fixture.For(Architectures.WriteUpBest).Path;
        Directory.CreateDirectory(dir["run"]);
        File.WriteAllText(dir["run/notes.txt"], "mine");
        var refused = Cli.Run("import", "keras", path, "--out", dir["run"]);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--force", refused.Error);
        Assert.True(File.Exists(dir["run/notes.txt"]));

        Assert.Equal(0, Cli.Run("import", "keras", path, "--out", dir["run"], "--force").ExitCode);
        Assert.False(File.Exists(dir["run/notes.txt"]));
        Assert.True(File.Exists(dir["run/checkpoints/best.ckpt"]));
    }

    [Fact]
    public void Crc32C_and_its_masked_form_match_known_values()
    {
        Assert.Equal(0xE3069283u, Crc32C.Compute("123456789"u8)); // the CRC-32C check value
        Assert.Equal(0u, Crc32C.Compute([]));
        // TensorFlow's stored CRC of Adam's beta_1 = 0.9f, as in the write-up's checkpoints' index.
        Assert.Equal(3754421245u, Crc32C.Masked(BitConverter.GetBytes(0.9f)));
    }
}
