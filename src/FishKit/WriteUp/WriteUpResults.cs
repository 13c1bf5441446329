namespace FishKit.WriteUp;

/// <summary>
/// The write-up's specification, in one place: every number it published (data, signals, results) and every setting
/// of it the kit uses as a default or preset (split, labels, baseline, scored frames, training). The kit's defaults
/// (<c>ChronologicalSplit.WriteUp</c>, <c>LabelParameters.WriteUp</c>, <c>BaselineParameters.WriteUp</c>,
/// <c>AlgorithmicBaseline</c>'s scored range, <c>TrainingOptions</c>, <c>ClassWeights.WriteUp</c>, the y-tilde LSTM's
/// window) read them from here, and so do the tables, tests and charts that put the kit beside the write-up. The facts
/// its prose states about the video (frame rate, length, frame size, run lengths) are beside it in <see cref="WriteUpFacts"/>.
/// Source: "Predicting Fish Movement with Convolutional LSTMs" (2021), via ALGORITHMS.md.
/// </summary>
public static class WriteUpResults
{
    // ---- data: the original footage and its chronological split ----

    /// <summary>Frames of the training split.</summary>
    public const int TrainFrames = 44_956;

    /// <summary>Frames of the validation split.</summary>
    public const int ValidationFrames = 3_593;

    /// <summary>Frames of the test split.</summary>
    public const int TestFrames = 5_367;

    /// <summary>Frames of the whole footage (the split's ratios are the counts' own: <c>ChronologicalSplit.WriteUp</c>).</summary>
    public const int TotalFrames = TrainFrames + ValidationFrames + TestFrames;

    /// <summary>Frames per split in the original data (train, validation, test) and the labels' positive rate.</summary>
    public static readonly (string Split, int Frames, double PositiveRate)[] Splits =
    [
        ("train", TrainFrames, 0.134),
        ("validation", ValidationFrames, 0.127),
        ("test", TestFrames, 0.154),
    ];

    // ---- signals ----

    /// <summary>The write-up's y-tilde: mean about 0.0012 ...</summary>
    public const double YTildeMean = 0.0012;

    /// <summary>... and maximum about 0.0045.</summary>
    public const double YTildeMax = 0.0045;

    // ---- calm-before-burst labels (LabelParameters.WriteUp) ----

    /// <summary>Look-ahead h of the label rule, in frames.</summary>
    public const int LabelLookAhead = 45;

    /// <summary>Calmness fraction b of the label rule.</summary>
    public const double LabelCalmFraction = 0.1;

    /// <summary>Minimum rise c of the label rule.</summary>
    public const double LabelMinimumRise = 0.001;

    /// <summary>Clip steps n (a clip holds 4n frames, 4 s at 30 fps).</summary>
    public const int ClipSteps = 30;

    // ---- the algorithmic baseline (BaselineParameters.WriteUp) and the scored frames ----

    /// <summary>Window d of the baseline.</summary>
    public const int BaselineWindow = 89;

    /// <summary>Level fraction b of the baseline.</summary>
    public const double BaselineLowFraction = 0.2;

    /// <summary>Activity threshold c of the baseline.</summary>
    public const double BaselineActivity = 0.0006;

    /// <summary>Steepness gamma1 of the "recent activity" sigmoid.</summary>
    public const double BaselineGamma1 = 5300;

    /// <summary>Steepness gamma2 of the "calm now" sigmoid.</summary>
    public const double BaselineGamma2 = 11000;

    /// <summary>First scored frame (4n - 1 with n = 30).</summary>
    public const int FirstScoredFrame = 4 * ClipSteps - 1;

    /// <summary>The write-up scored up to frame T - 2 - 10: T minus this margin.</summary>
    public const int ScoredEndMargin = 12;

    // ---- training (TrainingOptions' defaults, ClassWeights.WriteUp, the y-tilde LSTM) ----

    /// <summary>Epochs of the ConvLSTM's training.</summary>
    public const int Epochs = 5;

    /// <summary>Adam's learning rate.</summary>
    public const double LearningRate = 8e-5;

    /// <summary>Adam's beta1.</summary>
    public const double Beta1 = 0.9;

    /// <summary>Adam's beta2.</summary>
    public const double Beta2 = 0.999;

    /// <summary>Adam's epsilon (Keras' default).</summary>
    public const double Epsilon = 1e-7;

    /// <summary>Class weight of a frame labelled 0 (the training labels' positive rate).</summary>
    public const double NegativeClassWeight = 0.133;

    /// <summary>Class weight of a frame labelled 1 (its complement).</summary>
    public const double PositiveClassWeight = 0.866;

    /// <summary>The y-tilde LSTM's window: 120 y-tilde values (4 s at <see cref="WriteUpFacts.FramesPerSecond"/> fps, as long as a clip).</summary>
    public const int YTildeLstmWindow = 120;

    /// <summary>The y-tilde LSTM's stacked layers.</summary>
    public const int YTildeLstmLayers = 2;

    // ---- results on the test split ----

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
