namespace FishKit.Synthetic;

/// <summary>
/// The shape of a fish seen from above: a spine of four tapering segments and a tail fin, bent by the fish's turning
/// (an arc that follows the turn) and by a travelling tail-beat wave whose frequency and amplitude grow with speed.
/// </summary>
public static class FishBody
{
    /// <summary>Number of spine points: head centre, three joints, the fin's base and the fin's tip.</summary>
    public const int Points = 6;

    // Length of each segment as a fraction of body length (head to fin base 0.84, fin 0.16).
    static readonly double[] SegmentLength = [0.20, 0.24, 0.22, 0.18, 0.16];
    // Half-width at each spine point as a fraction of the half body width: widest behind the head, the fin flares.
    static readonly double[] HalfWidth = [0.85, 1.0, 0.8, 0.45, 0.2, 0.55];
    // Brightness of each segment relative to the fish's body brightness (the fin is translucent).
    static readonly double[] SegmentShade = [1.0, 1.0, 0.95, 0.85, 0.6];

    /// <summary>Tail-beat frequency in hertz at <paramref name="speed"/> pixels per frame: 1.5 Hz drifting, ~7 Hz in a burst.</summary>
    public static double TailBeatHertz(double speed) => 1.0 + 1.3 * speed;

    /// <summary>Tail-beat amplitude (radians at the tail) at <paramref name="speed"/> pixels per frame.</summary>
    public static double TailBeatAmplitude(double speed) => Math.Min(0.04 + 0.1 * speed, 0.45);

    /// <summary>Relative brightness of segment <paramref name="segment"/> (0 = head, 4 = fin).</summary>
    public static double Shade(int segment) => SegmentShade[segment];

    /// <summary>
    /// Fills <paramref name="x"/>, <paramref name="y"/> and <paramref name="radius"/> (each <see cref="Points"/> long)
    /// with the spine of <paramref name="fish"/> drawn with <paramref name="traits"/>.
    /// </summary>
    public static void Spine(in FishState fish, FishTraits traits, Span<double> x, Span<double> y, Span<double> radius)
    {
        double length = traits.Length;
        // A turning fish bends into an arc: the body bends by the heading change of the last ~10 frames, at most 1 rad end to end.
        double curvature = Math.Clamp(fish.TurnRate * 10, -1.0, 1.0) / length;
        double amplitude = TailBeatAmplitude(fish.Speed);
        x[0] = fish.X;
        y[0] = fish.Y;
        radius[0] = HalfWidth[0] * traits.Width / 2;
        double s = 0;
        for (int k = 0; k < SegmentLength.Length; k++)
        {
            double segment = SegmentLength[k] * length;
            double middle = (s + segment / 2) / length;
            double wave = amplitude * middle * middle * Math.Sin(fish.TailPhase - 2.5 * middle);
            double direction = fish.Heading + Math.PI - curvature * (s + segment / 2) + wave;
            x[k + 1] = x[k] + segment * Math.Cos(direction);
            y[k + 1] = y[k] + segment * Math.Sin(direction);
            radius[k + 1] = HalfWidth[k + 1] * traits.Width / 2;
            s += segment;
        }
    }
}
