using System.Globalization;
using FishKit.Clips;
using FishKit.Labeling;
using FishKit.Models;
using FishKit.Training;
using Microsoft.Data.Analysis;

namespace FishKit.Notebooks;

/// <summary>The tables of notebook 6: two run recipes side by side, and the class weightings with what a constant output scores under each.</summary>
public static partial class Tables
{
    /// <summary>
    /// The write-up's recipe beside another (the teaching preset), one row per setting, with why the other differs where it
    /// does. Optimisation steps are counted on the write-up's 44,956 training frames for the write-up's recipe and on
    /// <paramref name="trainFrames"/> (this data's training split) for the other.
    /// </summary>
    public static DataFrame Hyperparameters(RunConfig writeUp, RunConfig other, int trainFrames)
    {
        var rows = new List<(string Setting, string WriteUp, string Other, string Why)>();
        void Row(string setting, string a, string b, string why, bool? same = null) => rows.Add((setting, a, b, same ?? a == b ? "same" : why));
        var inv = CultureInfo.InvariantCulture;
        int writeUpFrames = WriteUp.WriteUpResults.Splits[0].Frames;
        double pixels = (double)writeUp.Size.Pixels / other.Size.Pixels, values = (double)Values(writeUp) / Values(other);
        long stepsWriteUp = EpochSize.Steps(writeUp, writeUpFrames), stepsOther = EpochSize.Steps(other, trainFrames);

        Row("model", Model(writeUp.Model), Model(other.Model), ModelWhy(writeUp.Model, other.Model));
        Row("trainable parameters", $"{Parameters(writeUp.Model):N0}", $"{Parameters(other.Model):N0}", "follows from the model");
        Row("frame size (W × H)", $"{writeUp.Width} × {writeUp.Height}", $"{other.Width} × {other.Height}",
            string.Create(inv, $"every convolution costs in proportion to the pixels: {pixels:0.#}× {(pixels >= 1 ? "fewer" : "more")}; the fish stay a few pixels long"));
        Row("clip: steps × time channels, stride", $"{writeUp.Steps} × {writeUp.Channels}, stride {writeUp.Stride}", $"{other.Steps} × {other.Channels}, stride {other.Stride}",
            "fewer, sparser frames per clip: a stride keeps seconds of context with fewer frames");
        Row("context: frames spanned (seconds at 30 fps)", Span(writeUp.Layout), Span(other.Layout), "follows from the clip layout");
        Row("multiply-adds per pixel and step (input + recurrent convolution)", MultiplyAdds(writeUp), MultiplyAdds(other),
            "the recurrent convolution (state to gates) dominates: it grows with the filters squared, the input one with the channels");
        Row("values per clip", $"{Values(writeUp):N0}", $"{Values(other):N0}",
            string.Create(inv, $"{values:0}× {(values >= 1 ? "fewer" : "more")} values per clip: the main saving in time"));
        Row("batch size", $"{writeUp.Batches.BatchSize}", $"{other.Batches.BatchSize}",
            "small clips leave room for larger batches: steadier gradients and fuller use of the CPU per step");
        Row("flips (augmentation)", YesNo(writeUp.Batches.Flips), YesNo(other.Batches.Flips), "the write-up found augmentation essential");
        Row("shuffle", Shuffle(writeUp.Batches), Shuffle(other.Batches),
            "the kit shuffles sample indices, not clips, so a full shuffle of every epoch costs nothing");
        Row("class balance of batches", Balance(writeUp.Batches), Balance(other.Batches), "balanced batches are another cure for the imbalance (section 3)");
        Row("epochs", $"{writeUp.Training.Epochs}", $"{other.Training.Epochs}", "a few short epochs give a validation point every few seconds");
        Row("batches per epoch", Batches(writeUp.Training), Batches(other.Training),
            "a short look at clips from the whole split instead of every clip of one epoch");
        Row("clips per epoch (samples with the flips)", Epoch(writeUp, writeUpFrames), Epoch(other, trainFrames),
            "one clip per labelled frame (119 .. T - 47 for the write-up's clips): follows from the data");
        Row("optimisation steps per run", $"{stepsWriteUp:N0} (on the write-up's {writeUpFrames:N0} frames)", $"{stepsOther:N0} (on this training split's {trainFrames:N0} frames)",
            "follows from epochs, batches and the data");
        Row("Adam learning rate", Number(writeUp.Training.LearningRate), Number(other.Training.LearningRate),
            string.Create(inv, $"{stepsOther:N0} steps instead of {stepsWriteUp:N0}: each step has to move the weights {(other.Training.LearningRate > writeUp.Training.LearningRate ? "further" : "less far")}"));
        Row("Adam β1, β2, ε", Adam(writeUp.Training), Adam(other.Training), "tuned for the short run");
        Row("class weights", Weighting(writeUp.Training.ClassWeighting), Weighting(other.Training.ClassWeighting),
            "the write-up's rule applied to this data's labels (its numbers were its own data's positive rate)");
        Row("seed", $"{writeUp.Training.Seed} (kit default; the write-up published none)", $"{other.Training.Seed}", "another draw of weights and batches",
            writeUp.Training.Seed == other.Training.Seed);
        Row("validation batch size", $"{writeUp.EvaluationBatchSize} (kit default; the write-up published none)", $"{other.EvaluationBatchSize}",
            "inference only: changes the speed, not the result", writeUp.EvaluationBatchSize == other.EvaluationBatchSize);
        return new DataFrame(
            new StringDataFrameColumn("setting", rows.Select(r => r.Setting)),
            new StringDataFrameColumn("write-up", rows.Select(r => r.WriteUp)),
            new StringDataFrameColumn("teaching", rows.Select(r => r.Other)),
            new StringDataFrameColumn("why the teaching preset differs", rows.Select(r => r.Why)));
    }

    /// <summary>
    /// One row per class weighting (none, the write-up's, the write-up's rule on <paramref name="train"/>): the two weights,
    /// the best constant output under that weighting (which is also the positives' share of the weighted loss), its
    /// weighted training loss and its unweighted validation loss and AUC: what a model that collapsed to one output scores.
    /// </summary>
    public static DataFrame ClassWeightings(ReadOnlySpan<bool> train, ReadOnlySpan<bool> validation)
    {
        var weightings = Enum.GetValues<ClassWeighting>().OrderBy(w => w switch { ClassWeighting.None => 0, ClassWeighting.WriteUp => 1, _ => 2 }).ToArray();
        var weights = new List<ClassWeights>();
        var constants = new List<ConstantOutput>();
        foreach (var w in weightings)
        {
            var cw = ClassWeights.For(w, train);
            weights.Add(cw);
            constants.Add(ConstantOutput.Best(train, cw, validation));
        }
        return new DataFrame(
            new StringDataFrameColumn("class weights", weightings.Select(Weighting)),
            new DoubleDataFrameColumn("weight of 0", weights.Select(w => w.Negative)),
            new DoubleDataFrameColumn("weight of 1", weights.Select(w => w.Positive)),
            new DoubleDataFrameColumn("best constant output", constants.Select(c => c.Probability)),
            new DoubleDataFrameColumn("its training loss (weighted)", constants.Select(c => c.TrainLoss)),
            new DoubleDataFrameColumn("its validation loss", constants.Select(c => c.ValidationLoss)),
            new DoubleDataFrameColumn("its validation AUC", constants.Select(c => c.ValidationAuc)));
    }

    static string Weighting(ClassWeighting w) => w switch
    {
        ClassWeighting.WriteUp => string.Create(CultureInfo.InvariantCulture, $"the write-up's {{0: {ClassWeights.WriteUp.Negative}, 1: {ClassWeights.WriteUp.Positive}}}"),
        ClassWeighting.FromLabels => "from the training labels {0: p, 1: 1 − p}",
        _ => "none {0: 1, 1: 1}",
    };

    static string Model(ModelConfig model) => model is ConvLstmConfig c
        ? $"ConvLSTM {string.Join(" + ", c.Filters)} filter{(c.Filters.Sum() == 1 ? "" : "s")}, {c.Kernel}×{c.Kernel} "
            + $"{c.Padding.ToString().ToLowerInvariant()}, {(c.UseBias ? "bias" : "no bias")}, global {Pool(c)} pool over space"
        : model.GetType().Name.Replace("Config", "", StringComparison.Ordinal);

    static string ModelWhy(ModelConfig writeUp, ModelConfig other)
    {
        var why = Parameters(other) <= Parameters(writeUp)
            ? "a smaller ConvLSTM has fewer weights to fit in a short run (the write-up, too, found smaller models did better)"
            : "a larger ConvLSTM for the smaller clips";
        return writeUp is ConvLstmConfig a && other is ConvLstmConfig b && a.GlobalPool != b.GlobalPool
            ? $"{why}; {Pool(b)} pooling instead of {Pool(a)}: on a few bursts max pooling memorised them, the average generalised"
            : why;
    }

    static string Pool(ConvLstmConfig c) => c.GlobalPool == GlobalPooling.Max ? "max" : "average";

    static string MultiplyAdds(RunConfig c)
    {
        if (c.Model is not ConvLstmConfig m) return "";
        int k2 = m.Kernel * m.Kernel, gates = 4 * m.Filters[0];
        int input = k2 * m.InputChannels * gates, recurrent = k2 * m.Filters[0] * gates;
        return $"{input:N0} + {recurrent:N0} (first layer)";
    }

    static string Epoch(RunConfig c, int frames) =>
        $"{EpochSize.Clips(c, frames):N0}{(c.Batches.Flips ? $" ({EpochSize.Samples(c, frames):N0})" : "")}";

    static long Parameters(ModelConfig model)
    {
        using var built = model.Create(seed: 1);
        return ModelWeights.TrainableParameters(built);
    }

    static long Values(RunConfig c) => (long)c.Layout.FramesPerClip * c.Size.Pixels;

    static string Span(ClipLayout layout) => string.Create(CultureInfo.InvariantCulture, $"{layout.Span} ({layout.Span / 30.0:0.0} s)");

    static string Number(double value) => value.ToString(value < 1e-2 ? "0.###e-0" : "0.####", CultureInfo.InvariantCulture);

    static string Balance(BatchOptions b) => b.Balance.ToString().ToLowerInvariant();

    static string YesNo(bool value) => value ? "yes" : "no";

    static string Shuffle(BatchOptions b) => b.Shuffle switch
    {
        ShuffleMode.Buffer => string.Create(CultureInfo.InvariantCulture, $"buffer of {b.BufferFraction:P0} of the samples"),
        ShuffleMode.Full => "full, every epoch",
        _ => "none (time order)",
    };

    static string Batches(TrainingOptions o) => o.MaxBatchesPerEpoch is int max ? $"at most {max}" : "all";

    static string Adam(TrainingOptions o) => string.Create(CultureInfo.InvariantCulture, $"{o.Beta1}, {o.Beta2}, {Number(o.Epsilon)}");
}
