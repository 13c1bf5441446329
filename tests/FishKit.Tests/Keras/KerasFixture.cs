using System.Text.Json;
using static TorchSharp.torch;

namespace FishKit.Tests.Keras;

/// <summary>
/// What Reference/keras/make_keras_fixture.mjs wrote with TensorFlow.js: the write-up's two models as TensorBundle
/// checkpoints, random clips, and tfjs' pooled features, logits and probabilities for them.
/// </summary>
public sealed record KerasFixture(KerasFixture.ClipFile Clips, KerasFixture.Curve HardSigmoid, string OptimizerIterations,
    double LearningRate, KerasFixture.Model[] Models)
{
    /// <summary>The clips' file and Keras shape (B, T, H, W, C).</summary>
    public sealed record ClipFile(string File, long[] Shape);

    /// <summary>tfjs' hard_sigmoid at sample points.</summary>
    public sealed record Curve(double[] X, double[] Y);

    /// <summary>One model: its checkpoint folder and tfjs' outputs per clip.</summary>
    public sealed record Model(string Architecture, string Folder, bool UseBias, int Features, double[] Pooled, double[] Logits, double[] Probabilities)
    {
        /// <summary>The SavedModel-like folder holding variables/.</summary>
        public string Path => System.IO.Path.Combine(Root, Folder);
    }

    /// <summary>The fixture's folder in the test output.</summary>
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Reference", "keras");

    public static KerasFixture Load() => Cached.Value;

    static readonly Lazy<KerasFixture> Cached = new(() =>
        JsonSerializer.Deserialize<KerasFixture>(File.ReadAllText(Path.Combine(Root, "fixture.json")),
            new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })!);

    public Model For(string folder) => Models.Single(m => m.Folder == folder);

    public long Iterations => long.Parse(OptimizerIterations, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The clips' bytes in Keras' layout (B, T, H, W, C).</summary>
    public byte[] ClipBytes() => File.ReadAllBytes(Path.Combine(Root, Clips.File));

    /// <summary>The clips as the kit takes them: uint8 (B, T, C, H, W).</summary>
    public Tensor ClipTensor() => tensor(ClipBytes(), ScalarType.Byte).reshape(Clips.Shape).permute(0, 1, 4, 2, 3).contiguous();

    /// <summary>Copies a checkpoint folder (its variables/) to <paramref name="destination"/>, to be changed there.</summary>
    public static string Copy(string folder, string destination)
    {
        foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(destination, System.IO.Path.GetRelativePath(folder, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return destination;
    }
}
