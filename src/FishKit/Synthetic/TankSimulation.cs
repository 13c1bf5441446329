namespace FishKit.Synthetic;

/// <summary>
/// A simulated session: every fish's state in every frame, the group's phase per frame, and the bursts and decoy
/// approaches with their frames. Frames are drawn on demand (<see cref="Render(int)"/>) and written by <see cref="TankSession"/>.
/// </summary>
public sealed class TankSimulation
{
    readonly FishState[] fish;
    readonly GroupPhase[] phases;

    internal TankSimulation(TankParameters parameters, int seed, FishTraits[] traits, FishState[] fish, GroupPhase[] phases,
        BurstEvent[] bursts, ApproachEvent[] decoys)
    {
        Parameters = parameters;
        Seed = seed;
        Traits = traits;
        this.fish = fish;
        this.phases = phases;
        Bursts = bursts;
        Decoys = decoys;
    }

    /// <summary>The parameters the session was simulated with.</summary>
    public TankParameters Parameters { get; }

    /// <summary>The seed that fixes every random choice of the session (motion and sensor noise).</summary>
    public int Seed { get; }

    /// <summary>Number of frames.</summary>
    public int FrameCount => phases.Length;

    /// <summary>Size, brightness and cruising speed of each fish.</summary>
    public IReadOnlyList<FishTraits> Traits { get; }

    /// <summary>The bursts whose onset lies in the session, in time order.</summary>
    public IReadOnlyList<BurstEvent> Bursts { get; }

    /// <summary>The decoy approaches (no burst follows) that start in the session, in time order.</summary>
    public IReadOnlyList<ApproachEvent> Decoys { get; }

    /// <summary>The state of every fish in frame <paramref name="frame"/>.</summary>
    public ReadOnlySpan<FishState> FishAt(int frame)
    {
        CheckFrame(frame);
        int n = Traits.Count;
        return fish.AsSpan(frame * n, n);
    }

    /// <summary>What the group is doing in frame <paramref name="frame"/>.</summary>
    public GroupPhase PhaseAt(int frame)
    {
        CheckFrame(frame);
        return phases[frame];
    }

    /// <summary>The mean speed of the fish in frame <paramref name="frame"/>, pixels per frame.</summary>
    public double GroupMeanSpeed(int frame)
    {
        double sum = 0;
        foreach (var f in FishAt(frame)) sum += f.Speed;
        return sum / Traits.Count;
    }

    /// <summary>
    /// The group's mean speed over each step from frame t to t + 1, for t = 0 .. T-2: the speed the fish have in frame
    /// t + 1, which y-tilde[t] (the change from frame t to t + 1) measures. T - 1 values, aligned with y-tilde[0 .. T-2].
    /// </summary>
    public double[] StepSpeeds()
    {
        var speeds = new double[FrameCount - 1];
        for (int t = 0; t < speeds.Length; t++) speeds[t] = GroupMeanSpeed(t + 1);
        return speeds;
    }

    /// <summary>Draws frame <paramref name="frame"/> into <paramref name="pixels"/> (Width x Height bytes, row-major).</summary>
    public void Render(int frame, Span<byte> pixels) =>
        TankRenderer.Render(Parameters, Traits, FishAt(frame), Seed, frame, pixels);

    /// <summary>Draws frame <paramref name="frame"/> as a new Width x Height grayscale buffer (row-major).</summary>
    public byte[] Render(int frame)
    {
        var pixels = new byte[Parameters.Width * Parameters.Height];
        Render(frame, pixels);
        return pixels;
    }

    /// <summary>Draws frame <paramref name="frame"/> as the raw camera <paramref name="footage"/> sees it (a new buffer; for many frames keep one <see cref="RawFootageRenderer"/>).</summary>
    public byte[] RenderRaw(int frame, RawFootage footage)
    {
        var pixels = new byte[Parameters.Width * Parameters.Height];
        new RawFootageRenderer(this, footage).Render(frame, pixels);
        return pixels;
    }

    void CheckFrame(int frame)
    {
        if ((uint)frame >= (uint)phases.Length)
            throw new ArgumentOutOfRangeException(nameof(frame), frame, $"the session has frames 0 to {phases.Length - 1}.");
    }
}
