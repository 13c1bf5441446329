namespace FishKit.WriteUp;

/// <summary>
/// The numbers the write-up published, so notebooks and the CLI can show the kit's values beside them.
/// Source: "Predicting Fish Movement with Convolutional LSTMs" (2021), via ALGORITHMS.md.
/// </summary>
public static class WriteUpResults
{
    /// <summary>Frames per split in the original data (train, validation, test).</summary>
    public static readonly (string Split, int Frames, double PositiveRate)[] Splits =
    [
        ("train", 44_956, 0.134),
        ("validation", 3_593, 0.127),
        ("test", 5_367, 0.154),
    ];

    /// <summary>Test-split metrics over frames 119 .. T-2-10 (5,237 frames) for one model; NaN where the write-up gave no number.</summary>
    /// <param name="Model">The model's name.</param>
    /// <param name="Auc">ROC AUC.</param>
    /// <param name="YoudenJ">Maximum of Youden's J.</param>
    /// <param name="YoudenThreshold">Threshold at maximum J.</param>
    /// <param name="Tpr">True-positive rate at maximum J.</param>
    /// <param name="Fpr">False-positive rate at maximum J.</param>
    /// <param name="MaxAccuracy">Maximum accuracy.</param>
    /// <param name="MaxAccuracyThreshold">Threshold at maximum accuracy.</param>
    public sealed record ModelResult(string Model, double Auc, double YoudenJ, double YoudenThreshold, double Tpr, double Fpr, double MaxAccuracy, double MaxAccuracyThreshold);

    /// <summary>The write-up's best ConvLSTM on the test split.</summary>
    public static readonly ModelResult ConvLstmBest = new("ConvLSTM (best)", 0.830, 0.519, 0.31, 0.830, 0.310, 0.847, 0.80);

    /// <summary>The algorithmic baseline on the test split.</summary>
    public static readonly ModelResult AlgorithmicBaseline = new("algorithmic baseline", 0.838, 0.543, 0.60, 0.832, 0.289, 0.854, 0.98);

    /// <summary>The second published variant (two ConvLSTM layers): the write-up gave its ROC AUC only.</summary>
    public static readonly ModelResult ConvLstmTwoLayer = new("ConvLSTM (two layers)", 0.787, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    /// <summary>Time per training epoch on an RTX 2080 Ti in the write-up: 5 h 16 min.</summary>
    public static readonly TimeSpan EpochTimeRtx2080Ti = new(5, 16, 0);
}
