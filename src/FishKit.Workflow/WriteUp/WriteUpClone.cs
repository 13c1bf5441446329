using FishKit.Evaluation;
using FishKit.IO;
using FishKit.Labeling;
using FishKit.Pipeline;
using FishKit.Windowing;

namespace FishKit.WriteUp;

/// <summary>One split of the write-up's published targets: its y-tilde series, the file it came from, and the write-up's labels.</summary>
/// <param name="Name">train, validation or test.</param>
/// <param name="YTildeFile">The split's <c>Y_tilde.npy</c>.</param>
/// <param name="YTilde">y-tilde, one value per frame.</param>
/// <param name="Labels">The write-up's labels (<c>Y_label.npy</c>), one per frame.</param>
public sealed record WriteUpSplit(string Name, string YTildeFile, double[] YTilde, bool[] Labels);

/// <summary>
/// The arrays the write-up published in its repository (<c>targets/{train,validation,test}/</c>), read after checking the
/// layout: every file present, stored in the dtype the write-up saved, and as long as the frames it covers. Any deviation
/// is one <see cref="FishKitException"/> naming the file.
/// </summary>
public sealed class WriteUpClone
{
    /// <summary>The write-up's repository (public, no licence: read, never copied into the kit).</summary>
    public const string Repository = "https://github.com/M-Lin-DM/Convolutional-LSTMs-for-Motion-Forcasting";

    /// <summary>The command that makes a clone.</summary>
    public const string CloneCommand = $"git clone {Repository} writeup";

    /// <summary>The clone's folder of 11 of the write-up's frames (00000.png .. 00010.png, 320x240 grayscale).</summary>
    public const string SampleImagesFolder = "sample training images";

    /// <summary>The clone's Keras SavedModel of the write-up's best ConvLSTM (what <c>fishkit import keras</c> reads).</summary>
    public const string BestModelFolder = "checkpoint_tc-augm-best-validation-retarget-upbeat-snowflake-91";

    const string Restore = "it is not the file the write-up published: restore it (git checkout -- targets) or clone again";

    WriteUpClone(string folder, IReadOnlyList<WriteUpSplit> splits, double[] baseline, double[] convLstm, double[] twoLayer)
    {
        Folder = folder;
        Splits = splits;
        Baseline = baseline;
        ConvLstm = convLstm;
        TwoLayer = twoLayer;
    }

    /// <summary>The clone's folder.</summary>
    public string Folder { get; }

    /// <summary>train, validation and test, in that order.</summary>
    public IReadOnlyList<WriteUpSplit> Splits { get; }

    /// <summary>The test split.</summary>
    public WriteUpSplit Test => Splits[^1];

    /// <summary>The write-up's algorithmic baseline on the test split (<c>Y_pred_baseline.npy</c>): one probability per frame, 0 outside <see cref="Scored"/>.</summary>
    public double[] Baseline { get; }

    /// <summary>The best ConvLSTM's probabilities (<c>Y_pred.npy</c>) for the test frames <see cref="Scored"/>, in order.</summary>
    public double[] ConvLstm { get; }

    /// <summary>The two-layer ConvLSTM's probabilities (<c>Y_pred_visionary_serenity.npy</c>) for the same frames.</summary>
    public double[] TwoLayer { get; }

    /// <summary>The write-up's sample frames in the clone (<see cref="SampleImagesFolder"/>; <see cref="Open"/> does not check it).</summary>
    public string SampleImages => Path.Combine(Folder, SampleImagesFolder);

    /// <summary>The write-up's best model in the clone (<see cref="BestModelFolder"/>; <see cref="Open"/> does not check it).</summary>
    public string BestModel => Path.Combine(Folder, BestModelFolder);

    /// <summary>The test frames the write-up scored: 119 .. T-12.</summary>
    public (int First, int Last) Scored => SignalPipeline.WriteUpRange(Test.YTilde.Length);

    /// <summary>The file <paramref name="name"/> of <paramref name="split"/> in the clone at <paramref name="folder"/>.</summary>
    public static string FilePath(string folder, string split, string name) => Path.Combine(folder, "targets", split, name);

    /// <summary>Checks the layout of the clone at <paramref name="folder"/> and reads its arrays.</summary>
    public static WriteUpClone Open(string folder)
    {
        if (!Directory.Exists(folder))
            throw new FishKitException($"write-up clone '{folder}' not found; make one with `{CloneCommand}` and give its folder.");
        var names = WriteUpResults.Splits.Select(s => s.Split).ToArray();
        var test = names[^1];
        var required = names.SelectMany(s => new[] { FilePath(folder, s, "Y_tilde.npy"), FilePath(folder, s, "Y_label.npy") })
            .Concat(new[] { "Y_pred_baseline.npy", "Y_pred.npy", "Y_pred_visionary_serenity.npy" }.Select(n => FilePath(folder, test, n)));
        foreach (var file in required)
            if (!File.Exists(file))
                throw new FishKitException($"'{file}' is missing; the write-up's clone needs its targets/ folder as published: clone it again (`{CloneCommand}`).");

        var splits = names.Select(s => ReadSplit(folder, s)).ToList();
        int frames = splits[^1].YTilde.Length;
        var (first, last) = SignalPipeline.WriteUpRange(frames);
        string scored = $"one per test frame {first}..{last}";
        return new WriteUpClone(folder, splits,
            Read(FilePath(folder, test, "Y_pred_baseline.npy"), "float64", frames, "one per test frame"),
            Read(FilePath(folder, test, "Y_pred.npy"), "float32", last - first + 1, scored),
            Read(FilePath(folder, test, "Y_pred_visionary_serenity.npy"), "float32", last - first + 1, scored));
    }

    static WriteUpSplit ReadSplit(string folder, string split)
    {
        var ytildeFile = FilePath(folder, split, "Y_tilde.npy");
        var ytilde = Read(ytildeFile, "float64");
        var p = LabelParameters.WriteUp;
        Named(ytildeFile, () =>
        {
            YTildeChecks.Require(ytilde, p.MinimumLength, $"the write-up's labels (frames {p.FirstFrame} .. T-{p.H + 2})");
            return ytilde;
        });
        var labelFile = FilePath(folder, split, "Y_label.npy");
        var values = Read(labelFile, "float64", ytilde.Length, $"one per frame of '{ytildeFile}'");
        return new WriteUpSplit(split, ytildeFile, ytilde, Named(labelFile, () => BinaryLabels.From<double>(values)));
    }

    /// <summary>The values of <paramref name="path"/>, which must be stored as <paramref name="dtype"/> and hold <paramref name="length"/> values (any when null).</summary>
    static double[] Read(string path, string dtype, int? length = null, string what = "")
    {
        var (values, found) = Series.ReadNpy(path);
        if (found != dtype)
            throw new FishKitException($"'{path}' holds {found} values but the write-up saved {dtype}; {Restore}.");
        if (length is int n && values.Length != n)
            throw new FishKitException($"'{path}' has {values.Length} values but must have {n} ({what}); {Restore}.");
        return values;
    }

    /// <summary>Runs a check whose message does not name the file, prefixing it with <paramref name="path"/>.</summary>
    static T Named<T>(string path, Func<T> check)
    {
        try
        {
            return check();
        }
        catch (FishKitException e)
        {
            throw new FishKitException($"'{path}': {e.Message}", e);
        }
    }
}
