using FishKit.IO;
using FishKit.Labeling;
using FishKit.Windowing;

namespace FishKit.Pipeline;

/// <summary>A y-tilde series read from a file (.npy or .csv) with one label per frame: what the y-tilde LSTM learns from and scores.</summary>
/// <param name="YTilde">y-tilde, one value per frame.</param>
/// <param name="Labels">Labels, one per frame.</param>
public sealed record LabelledSeries(double[] YTilde, bool[] Labels)
{
    /// <summary>
    /// Reads the y-tilde series at <paramref name="path"/>; its labels come from <paramref name="labelsFile"/> when given,
    /// else from the calm-before-burst labeller with <paramref name="parameters"/> (default: the write-up's).
    /// </summary>
    public static LabelledSeries Read(string path, string? labelsFile = null, LabelParameters? parameters = null)
    {
        var ytilde = Series.Read(path);
        try
        {
            YTildeChecks.Require(ytilde, 1, "a y-tilde series");
            return new LabelledSeries(ytilde, labelsFile is null ? CalmBeforeBurstLabeler.Label(ytilde, parameters) : ReadLabels(labelsFile, ytilde.Length, path));
        }
        catch (FishKitException e) when (!e.Message.Contains(path, StringComparison.Ordinal))
        {
            throw new FishKitException($"'{path}': {e.Message}", e);
        }
    }

    /// <summary>The 0/1 labels in <paramref name="labelsFile"/>, which must hold one per frame of <paramref name="frames"/> (named by <paramref name="source"/>).</summary>
    public static bool[] ReadLabels(string labelsFile, int frames, string source)
    {
        var labels = Series.ReadLabels(labelsFile);
        if (labels.Length != frames)
            throw new FishKitException($"labels file '{labelsFile}' has {labels.Length} values but '{source}' has {frames} frames; give one label per frame.");
        return labels;
    }
}
