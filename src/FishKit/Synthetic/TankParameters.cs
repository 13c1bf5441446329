namespace FishKit.Synthetic;

/// <summary>
/// Everything that shapes a simulated tank. The defaults give frames like the write-up's (320x240, 30 fps, seven bright
/// fish on black, small PNGs) and a y-tilde like its real tank's in the ways its methods rely on: bursts in bouts over a
/// clean, low calm level, so the calm-before-burst labels come out near its positive rate and its algorithmic baseline
/// predicts the bursts inside a bout, while the first burst of a bout is foretold only by the visible precursor.
/// Lengths are in pixels, speeds in pixels per frame, durations in seconds.
/// </summary>
public sealed record TankParameters
{
    /// <summary>The largest frame side accepted (a 4096x4096 frame is already 16 MB).</summary>
    public const int MaxSide = 4096;

    /// <summary>The smallest frame side accepted (the fish must fit with room to turn).</summary>
    public const int MinSide = 32;

    /// <summary>Frame width in pixels; the tank fills the frame.</summary>
    public int Width { get; init; } = 320;

    /// <summary>Frame height in pixels.</summary>
    public int Height { get; init; } = 240;

    /// <summary>Frames per second of the simulated camera.</summary>
    public double FramesPerSecond { get; init; } = 30;

    /// <summary>Number of fish (at least 2: a precursor needs an initiator and a target).</summary>
    public int FishCount { get; init; } = 7;

    /// <summary>Body length, head centre to tail-fin tip, of an average fish.</summary>
    public double BodyLength { get; init; } = 22;

    /// <summary>Body width at the widest point of an average fish.</summary>
    public double BodyWidth { get; init; } = 5.5;

    /// <summary>Each fish's size is the average times a factor drawn uniformly in 1 +- this.</summary>
    public double SizeSpread { get; init; } = 0.15;

    /// <summary>Darkest fish body grey level (0-255); each fish gets its own level in [min, max].</summary>
    public int BrightnessMin { get; init; } = 170;

    /// <summary>Brightest fish body grey level (0-255).</summary>
    public int BrightnessMax { get; init; } = 240;

    /// <summary>
    /// Average cruising speed in a calm spell; each fish cruises at 0.75-1.25 times this. Slow, so that the calm level of
    /// y-tilde is low and steady: its range over the baseline's 3 s window mostly stays under the baseline's c = 0.0006.
    /// </summary>
    public double CalmSpeed { get; init; } = 0.3;

    /// <summary>
    /// Speed of the initiator while it approaches its target (precursor or decoy): four times calm, plain to see, yet one
    /// fish of seven raises y-tilde by only about a twentieth of a burst's rise.
    /// </summary>
    public double ApproachSpeed { get; init; } = 1.2;

    /// <summary>Average speed in a burst; each fish gets 0.85-1.15 times this per burst.</summary>
    public double BurstSpeed { get; init; } = 3.5;

    /// <summary>Distance from a wall at which a calm fish starts to turn away (fast fish look further ahead).</summary>
    public double WallMargin { get; init; } = 24;

    /// <summary>
    /// Shortest calm spell (from the end of a burst's decay to the next onset, precursor included). Inside a bout the
    /// spell is little more than the precursor, so the baseline's 89-frame window still holds the previous burst.
    /// </summary>
    public double CalmSecondsMin { get; init; } = 1.5;

    /// <summary>Longest short calm spell: a calm spell inside a bout lasts <see cref="CalmSecondsMin"/> to this.</summary>
    public double ShortCalmSecondsMax { get; init; } = 1.8;

    /// <summary>Longest calm spell: a calm spell between bouts lasts <see cref="ShortCalmSecondsMax"/> to this.</summary>
    public double CalmSecondsMax { get; init; } = 22;

    /// <summary>
    /// Chance that a calm spell is short, so that bursts come in bouts as in a real tank (a burst is likelier soon after
    /// another, which is what the write-up's algorithmic baseline relies on). The rest are long spells between bouts.
    /// </summary>
    public double BoutProbability { get; init; } = 0.9;

    /// <summary>
    /// Most bursts in one bout: after this many the next calm spell is long whatever <see cref="BoutProbability"/> draws.
    /// Bouts then last seconds, not minutes, so every minute of a session holds bouts and the first bursts that start them.
    /// </summary>
    public int BoutBurstsMax { get; init; } = 4;

    /// <summary>Shortest precursor (the initiator's approach that ends at the onset).</summary>
    public double PrecursorSecondsMin { get; init; } = 1.0;

    /// <summary>Longest precursor.</summary>
    public double PrecursorSecondsMax { get; init; } = 1.5;

    /// <summary>Shortest burst of fast swimming.</summary>
    public double BurstSecondsMin { get; init; } = 0.6;

    /// <summary>Longest burst.</summary>
    public double BurstSecondsMax { get; init; } = 1.5;

    /// <summary>Frames a burst's onset takes to reach its speed (95 %): the sharp rise.</summary>
    public double OnsetSeconds { get; init; } = 0.2;

    /// <summary>Time after a burst in which speed decays to calm (95 %): the group calms down quickly and fully.</summary>
    public double DecaySeconds { get; init; } = 0.4;

    /// <summary>
    /// Chance that a calm spell also holds a decoy: an approach exactly like a precursor that no burst follows. A decoy
    /// ends at least 1 s before the precursor, so only long spells (about 4 s or more) have room for one. The default 0.6
    /// gives about 0.15 decoys per burst (one approach in seven or eight is a decoy): the precursor is a strong but imperfect cue.
    /// </summary>
    public double DecoyProbability { get; init; } = 0.6;

    /// <summary>
    /// Whether the initiator approaches its target (turns to it and speeds up) before each burst and in each decoy. Off,
    /// no fish approaches, decoys included (a decoy is an approach), yet the session is otherwise the same: the same
    /// bursts, decoy spells, initiators and targets at the same frames (<see cref="TankSimulator"/> replays the random
    /// draws of the session with approaches), so a model's reliance on the precursor can be measured.
    /// </summary>
    public bool Precursor { get; init; } = true;

    /// <summary>Fraction of pixels that get a sensor-noise speck in each frame (sparse, so the PNGs stay small).</summary>
    public double NoiseDensity { get; init; } = 0.002;

    /// <summary>Faintest noise speck grey level.</summary>
    public int NoiseMin { get; init; } = 8;

    /// <summary>Brightest noise speck grey level.</summary>
    public int NoiseMax { get; init; } = 40;

    /// <summary>Width in pixels of the soft edge of a fish (the optics' blur and the antialiasing).</summary>
    public double EdgeBlur { get; init; } = 1.2;

    /// <summary>The write-up's camera: 320x240 at 30 fps, with every other default.</summary>
    public static TankParameters Default { get; } = new();

    /// <summary>Frames in <paramref name="seconds"/> at this frame rate (at least 1).</summary>
    public int Frames(double seconds) => Math.Max(1, (int)Math.Round(seconds * FramesPerSecond));

    /// <summary>The names of the settable parameters, as <see cref="With"/> takes them.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. typeof(TankParameters).GetProperties().Where(p => p.CanWrite).Select(p => p.Name)];

    /// <summary>
    /// A copy with the parameter <paramref name="name"/> (case-insensitive) set to <paramref name="value"/>, parsed in
    /// the invariant culture (numbers as 0.25; switches as true/false or on/off). An unknown name or a value that does
    /// not parse is a one-line <see cref="FishKitException"/> naming it; range checks are left to <see cref="Validate"/>.
    /// </summary>
    public TankParameters With(string name, string value)
    {
        var property = typeof(TankParameters).GetProperties().FirstOrDefault(p => p.CanWrite && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new FishKitException($"unknown tank parameter '{name}'; valid names: {string.Join(", ", Names)}.");
        var c = System.Globalization.CultureInfo.InvariantCulture;
        object? parsed = property.PropertyType switch
        {
            var t when t == typeof(int) => int.TryParse(value, System.Globalization.NumberStyles.Integer, c, out int i) ? i : null,
            var t when t == typeof(double) => double.TryParse(value, System.Globalization.NumberStyles.Float, c, out double d) && double.IsFinite(d) ? d : null,
            var t when t == typeof(bool) => value.ToLowerInvariant() switch { "true" or "on" => true, "false" or "off" => false, _ => null },
            var t => throw new InvalidOperationException($"TankParameters.{property.Name} has type {t.Name}, which With cannot parse"),
        };
        if (parsed is null)
        {
            string kind = property.PropertyType == typeof(int) ? "a whole number" : property.PropertyType == typeof(bool) ? "on/off or true/false" : "a number such as 0.25";
            throw new FishKitException($"tank parameter {property.Name} = '{value}' is not {kind}; valid names: {string.Join(", ", Names)}.");
        }
        var copy = this with { };
        property.SetValue(copy, parsed);
        return copy;
    }

    /// <summary>Throws a <see cref="FishKitException"/> naming the first parameter out of range.</summary>
    public void Validate()
    {
        Side(nameof(Width), Width);
        Side(nameof(Height), Height);
        Check(nameof(FramesPerSecond), FramesPerSecond, 1, 1000);
        Check(nameof(FishCount), FishCount, 2, 64);
        Check(nameof(BodyLength), BodyLength, 4, Math.Min(Width, Height) / 3.0);
        Check(nameof(BodyWidth), BodyWidth, 1, BodyLength);
        Check(nameof(SizeSpread), SizeSpread, 0, 0.5);
        Check(nameof(BrightnessMin), BrightnessMin, 1, 255);
        Check(nameof(BrightnessMax), BrightnessMax, BrightnessMin, 255);
        Check(nameof(CalmSpeed), CalmSpeed, 0.01, BodyLength);
        Check(nameof(ApproachSpeed), ApproachSpeed, 0.01, BodyLength);
        Check(nameof(BurstSpeed), BurstSpeed, 0.01, BodyLength);
        Check(nameof(WallMargin), WallMargin, 0, Math.Min(Width, Height) / 2.0);
        Check(nameof(PrecursorSecondsMin), PrecursorSecondsMin, 0.1, 60);
        Check(nameof(PrecursorSecondsMax), PrecursorSecondsMax, PrecursorSecondsMin, 60);
        Check(nameof(CalmSecondsMin), CalmSecondsMin, PrecursorSecondsMax, 3600);
        Check(nameof(ShortCalmSecondsMax), ShortCalmSecondsMax, CalmSecondsMin, 3600);
        Check(nameof(CalmSecondsMax), CalmSecondsMax, ShortCalmSecondsMax, 3600);
        Check(nameof(BoutProbability), BoutProbability, 0, 1);
        Check(nameof(BoutBurstsMax), BoutBurstsMax, 1, 1_000_000);
        Check(nameof(BurstSecondsMin), BurstSecondsMin, 0.1, 3600);
        Check(nameof(BurstSecondsMax), BurstSecondsMax, BurstSecondsMin, 3600);
        Check(nameof(OnsetSeconds), OnsetSeconds, 0.01, 10);
        Check(nameof(DecaySeconds), DecaySeconds, 0.01, 60);
        Check(nameof(DecoyProbability), DecoyProbability, 0, 1);
        Check(nameof(NoiseDensity), NoiseDensity, 0, 0.1);
        Check(nameof(NoiseMin), NoiseMin, 0, 255);
        Check(nameof(NoiseMax), NoiseMax, NoiseMin, 255);
        Check(nameof(EdgeBlur), EdgeBlur, 0.1, 10);
    }

    static void Side(string name, int value)
    {
        if (value < MinSide || value > MaxSide)
            throw new FishKitException($"{name.ToLowerInvariant()} {value} is out of range; give {MinSide} to {MaxSide} pixels.");
    }

    static void Check(string name, double value, double min, double max)
    {
        if (!(value >= min && value <= max))
            throw new FishKitException(FormattableString.Invariant($"tank parameter {name} = {value} is out of range; give {min:0.###} to {max:0.###}."));
    }
}
