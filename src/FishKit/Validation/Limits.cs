namespace FishKit.Validation;

/// <summary>
/// The range of each kind of numeric parameter, in one place: the command line shows them in its help and the library
/// checks them where the parameters enter (label, baseline, evaluate, train, simulate), so one quantity follows one
/// rule everywhere. The README's "Parameter ranges" lists them. Every bound keeps the arithmetic on it far from overflow.
/// </summary>
public static class Limits
{
    /// <summary>Frames in a look-ahead or look-back window (label h, baseline d).</summary>
    public static WholeRange WindowFrames { get; } = new(1, 100_000, "frames");

    /// <summary>Clip steps (label n, a run's steps).</summary>
    public static WholeRange ClipSteps { get; } = new(1, 100_000, "steps");

    /// <summary>A fraction of a window's range (label b, baseline b).</summary>
    public static RealRange Fraction { get; } = new(0, 1);

    /// <summary>A level of y-tilde, which lies in [0, 1] (label c, baseline c).</summary>
    public static RealRange YTildeLevel { get; } = new(0, 1);

    /// <summary>The steepness of a sigmoid (baseline gamma1, gamma2).</summary>
    public static RealRange Steepness { get; } = new(0, 1e9, AboveMin: true);

    /// <summary>Bootstrap resamples (evaluate --bootstrap).</summary>
    public static WholeRange Resamples { get; } = new(1, 1_000_000, "resamples");

    /// <summary>A confidence level (evaluate --confidence).</summary>
    public static RealRange Confidence { get; } = new(0, 1, AboveMin: true, BelowMax: true);

    /// <summary>Training epochs (and the early-stopping patience).</summary>
    public static WholeRange Epochs { get; } = new(1, 100_000, "epochs");

    /// <summary>Samples per batch, training or evaluating.</summary>
    public static WholeRange BatchSize { get; } = new(1, 65_536, "samples");

    /// <summary>Batches per training epoch (train --max-batches).</summary>
    public static WholeRange BatchesPerEpoch { get; } = new(1, int.MaxValue, "batches");

    /// <summary>Adam's learning rate.</summary>
    public static RealRange LearningRate { get; } = new(0, 10, AboveMin: true);

    /// <summary>CPU threads (0: all cores).</summary>
    public static WholeRange Threads { get; } = new(0, 4096, "threads");

    /// <summary>A wall-clock budget in minutes.</summary>
    public static RealRange Minutes { get; } = new(0, 1e6, AboveMin: true, Unit: "minutes");

    /// <summary>The most frames one simulated session may have (about 93 hours at 30 fps); <c>TankSimulator.MaxFrames</c>.</summary>
    public const int MaxSimulatedFrames = 10_000_000;

    /// <summary>Frames of a simulated session.</summary>
    public static WholeRange SimulatedFrames { get; } = new(1, MaxSimulatedFrames, "frames");
}
