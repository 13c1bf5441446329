using System.Globalization;
using FishKit.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace FishKit.Keras;

/// <summary>
/// The checkpoint of a Keras SavedModel folder (<c>variables/variables.index</c> and its data shards) recognised as one
/// of the write-up's ConvLSTM classifiers from its variables' names and shapes, with the state of the Adam optimizer
/// it was saved with. Optimizer slots, metric state and the object graph are left aside.
/// </summary>
public sealed class KerasCheckpoint
{
    const string ValueSuffix = "/.ATTRIBUTES/VARIABLE_VALUE";

    /// <summary>The models the import knows: the write-up's two, each with and without ConvLSTM biases.</summary>
    static readonly (string Name, ConvLstmConfig Config)[] Known =
    [
        .. from name in new[] { Architectures.WriteUpBest, Architectures.WriteUpTwoLayer }
           from bias in new[] { false, true }
           select (name, (ConvLstmConfig)Architectures.Config(name) with { UseBias = bias }),
    ];

    readonly List<(KerasWeight Weight, BundleEntry Entry)> weights;

    /// <summary>The checkpoint's files.</summary>
    public TensorBundle Bundle { get; }

    /// <summary>The kit's name of the architecture (<see cref="Architectures.WriteUpBest"/> or <see cref="Architectures.WriteUpTwoLayer"/>).</summary>
    public string Architecture { get; }

    /// <summary>The model's config (biases as the checkpoint has them).</summary>
    public ConvLstmConfig Config { get; }

    /// <summary>Adam's step count (<c>optimizer/iter</c>), if saved.</summary>
    public long? Iterations { get; }

    /// <summary>Adam's learning rate (<c>optimizer/learning_rate</c>), if saved.</summary>
    public double? LearningRate { get; }

    /// <summary>Adam's beta1 (<c>optimizer/beta_1</c>), if saved.</summary>
    public double? Beta1 { get; }

    /// <summary>Adam's beta2 (<c>optimizer/beta_2</c>), if saved.</summary>
    public double? Beta2 { get; }

    KerasCheckpoint(TensorBundle bundle, string architecture, ConvLstmConfig config, List<(KerasWeight, BundleEntry)> weights)
    {
        Bundle = bundle;
        Architecture = architecture;
        Config = config;
        this.weights = weights;
        Iterations = bundle.Find($"optimizer/iter{ValueSuffix}") is { } iter ? bundle.ReadInt64(iter) : null;
        LearningRate = Hyperparameter("learning_rate");
        Beta1 = Hyperparameter("beta_1");
        Beta2 = Hyperparameter("beta_2");
    }

    /// <summary>
    /// Opens the checkpoint of the SavedModel folder <paramref name="folder"/> and recognises its model; a checkpoint that
    /// is damaged, stores weights other than float32, or holds another model is refused with a <see cref="FishKitException"/>.
    /// </summary>
    public static KerasCheckpoint Read(string folder)
    {
        if (!Directory.Exists(folder)) throw new FishKitException($"SavedModel folder '{folder}' does not exist.");
        var prefix = Path.Combine(folder, "variables", "variables");
        if (!File.Exists(prefix + ".index"))
            throw new FishKitException($"'{folder}' is not a TensorFlow SavedModel folder: it has no 'variables/variables.index'.");
        var bundle = TensorBundle.Open(prefix);
        var variables = bundle.Entries.Values.Where(IsModelVariable).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        if (variables.FirstOrDefault(e => e.DType != TensorDType.Float) is { } other)
            throw new FishKitException($"TensorFlow checkpoint index '{bundle.IndexPath}' stores '{other.Name}' as {other.DTypeText}; the import reads float32 weights, as Keras saves them.");
        foreach (var (name, config) in Known)
            if (Place(KerasWeight.Of(config), variables) is { } placed)
                return new KerasCheckpoint(bundle, name, config, placed);
        throw new FishKitException($"TensorFlow checkpoint index '{bundle.IndexPath}' holds a model the import does not know "
            + $"({string.Join(", ", variables.Select(v => $"{VariablePath(v)} {v.ShapeText}"))}); it reads the write-up's ConvLSTMs: "
            + $"{Architectures.WriteUpBest} (ConvLSTM kernels (3, 3, 4, 64) and (3, 3, 16, 64), BatchNorm (16,), dense (16, 1)) "
            + $"and {Architectures.WriteUpTwoLayer} (adds ConvLSTM kernels (3, 3, 16, 128) and (3, 3, 32, 128), dense (32, 1)), with or without ConvLSTM biases.");
    }

    /// <summary>A weight of the model: a variable's value that is not the optimizer's, a slot of it, or a metric's.</summary>
    static bool IsModelVariable(BundleEntry e) =>
        e.Name.EndsWith(ValueSuffix, StringComparison.Ordinal) && !e.Name.Contains("/.OPTIMIZER_SLOT/", StringComparison.Ordinal)
        && !e.Name.StartsWith("optimizer/", StringComparison.Ordinal) && !e.Name.StartsWith("keras_api/", StringComparison.Ordinal)
        && !e.Name.StartsWith("save_counter/", StringComparison.Ordinal);

    static string VariablePath(BundleEntry e) => e.Name[..^ValueSuffix.Length];

    /// <summary>
    /// Matches the checkpoint's variables to the expected weights (in Keras' model.variables order) through any of the
    /// names a Keras checkpoint gives them: <c>variables/N</c>, <c>trainable_variables/N</c>, <c>non_trainable_variables/N</c>,
    /// <c>layer_with_weights-N/[cell/|layer/]attribute</c> or <c>layer-N/[cell/|layer/]attribute</c>. Null unless every
    /// weight is found exactly once with its shape and nothing is left over.
    /// </summary>
    static List<(KerasWeight, BundleEntry)>? Place(List<KerasWeight> expected, List<BundleEntry> variables)
    {
        var found = new BundleEntry?[expected.Count];
        foreach (var variable in variables)
        {
            int i = Position(VariablePath(variable), expected);
            if (i < 0 || found[i] is not null || !variable.Shape.SequenceEqual(expected[i].Shape)) return null;
            found[i] = variable;
        }
        return found.Any(f => f is null) ? null : [.. expected.Select((w, i) => (w, found[i]!))];
    }

    static int Position(string path, List<KerasWeight> expected)
    {
        var parts = path.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n))
        {
            var candidates = parts[0] switch
            {
                "variables" => expected,
                "trainable_variables" => expected.Where(w => w.Trainable).ToList(),
                "non_trainable_variables" => expected.Where(w => !w.Trainable).ToList(),
                _ => [],
            };
            return n < candidates.Count ? expected.IndexOf(candidates[n]) : -1;
        }
        if (parts.Length is not (2 or 3) || (parts.Length == 3 && parts[1] is not ("cell" or "layer"))) return -1;
        string attribute = parts[^1];
        if (parts[0].StartsWith("layer_with_weights-", StringComparison.Ordinal) && Index(parts[0]) is int weighted)
            return expected.FindIndex(w => w.WeightedLayer == weighted && w.Attribute == attribute);
        if (parts[0].StartsWith("layer-", StringComparison.Ordinal) && Index(parts[0]) is int layer)
            return expected.FindIndex(w => w.Layer == layer && w.Attribute == attribute);
        return -1;
    }

    static int? Index(string name) =>
        int.TryParse(name[(name.IndexOf('-') + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int i) ? i : null;

    /// <summary>A float32 scalar of the optimizer as the decimal Keras was given (0.9, not 0.899999976), or null.</summary>
    double? Hyperparameter(string name) =>
        Bundle.Find($"optimizer/{name}{ValueSuffix}") is { } entry
            ? double.Parse(Bundle.ReadFloat(entry).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            : null;

    /// <summary>Reads every weight (checking its CRC-32C) and copies it, in the kit's layout, into a model built from <see cref="Config"/>.</summary>
    public void LoadInto(nn.Module model)
    {
        using var scope = NewDisposeScope();
        var state = model.state_dict();
        using (no_grad())
            foreach (var (weight, entry) in weights)
                state[weight.KitName].copy_(weight.ToKit(Bundle.ReadFloats(entry)));
    }
}
