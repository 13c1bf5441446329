using FishKit.Randomness;
using FishKit.Validation;

namespace FishKit.Synthetic;

/// <summary>
/// Simulates a group of fish filmed from above, frame by frame, from a seed. The group alternates calm spells and
/// bursts of fast swimming (0.6-1.5 s, then a 0.4 s decay). Bursts come in bouts of up to four: inside a bout the calm
/// spell lasts 1.5-1.8 s, so the next burst follows while the last is still in the algorithmic baseline's 3 s window;
/// bouts are 1.8-22 s apart. In the last 1-1.5 s of every calm spell one fish (the initiator) turns to a neighbour (the
/// target) and swims at it while the rest stay calm: a visible precursor that is not just motion energy, and the only
/// cue to the first burst of a bout. Some calm spells hold a decoy approach that no burst follows
/// (<see cref="TankParameters.DecoyProbability"/>). With <see cref="TankParameters.Precursor"/> off no fish approaches
/// (neither before bursts nor as a decoy) while bursts, decoy spells and the named pairs stay exactly as with it on.
/// Calm fish swim slowly and turn gently, so the calm level of y-tilde is low and steady. Fish steer smoothly away from
/// the walls, keep apart, and school in bursts. Only this class draws from the session's random stream, in a fixed
/// order, so a seed fixes the session.
/// </summary>
public static class TankSimulator
{
    /// <summary>The most frames one session may have (about 93 hours at 30 fps).</summary>
    public const int MaxFrames = 10_000_000;

    /// <summary>The most fish states (frames x fish) one session keeps in memory: about 4.8 GB.</summary>
    public const long MaxFishFrames = 100_000_000;

    const ulong MotionStream = 0x4D6F74696F6E; // "Motion"
    const int WarmUpFrames = 60;                 // calm frames simulated before frame 0 so tails and turns are settled

    /// <summary>Simulates <paramref name="frames"/> frames of a tank under <paramref name="parameters"/> and <paramref name="seed"/>.</summary>
    public static TankSimulation Run(TankParameters parameters, int seed, int frames, CancellationToken cancellationToken = default)
    {
        parameters.Validate();
        Limits.SimulatedFrames.Check("frames", frames);
        if ((long)frames * parameters.FishCount > MaxFishFrames)
            throw new FishKitException($"{frames:N0} frames of {parameters.FishCount} fish would hold {(long)frames * parameters.FishCount:N0} fish states in memory; " +
                $"keep frames x fish at most {MaxFishFrames:N0} (simulate fewer frames or fewer fish).");
        // Without precursors the session replays the pairs a session with them chose (and draws as it drew), so the
        // random stream, and with it every burst, decoy and pair, stays the same; only the approaches are left out.
        var replay = parameters.Precursor ? null : new Queue<ChosenPair>(Simulate(parameters with { Precursor = true }, seed, frames, null, null, cancellationToken).Pairs);
        var fish = new FishState[(long)frames * parameters.FishCount];
        var phases = new GroupPhase[frames];
        var run = Simulate(parameters, seed, frames, replay, (t, session) =>
        {
            session.Fish.CopyTo(fish.AsSpan(t * parameters.FishCount, parameters.FishCount));
            phases[t] = session.Phase;
        }, cancellationToken);
        return new TankSimulation(parameters, seed, run.Traits, fish, phases, [.. run.Bursts], [.. run.Decoys]);
    }

    /// <summary>Steps a session through the warm-up and <paramref name="frames"/> frames, handing each frame to <paramref name="keep"/>.</summary>
    static Session Simulate(TankParameters parameters, int seed, int frames, Queue<ChosenPair>? replay, Action<int, Session>? keep,
        CancellationToken cancellationToken)
    {
        var run = new Session(parameters, seed, replay);
        for (int t = -WarmUpFrames; t < 0; t++) run.Step(t);
        for (int t = 0; t < frames; t++)
        {
            if ((t & 4095) == 0) cancellationToken.ThrowIfCancellationRequested();
            run.Step(t);
            keep?.Invoke(t, run);
        }
        return run;
    }

    /// <summary>An initiator and target as <c>ChoosePair</c> picked them, and the pool size it drew from (0: no draw).</summary>
    readonly record struct ChosenPair(int Initiator, int Target, int Pool);

    /// <summary>The state of a simulation in progress: the fish, the group's phase and its schedule.</summary>
    sealed class Session
    {
        readonly TankParameters p;
        readonly SeededRandom random;
        readonly int n;
        public readonly FishTraits[] Traits;
        public readonly FishState[] Fish;
        readonly FishState[] before;   // the fish as they were at the start of the current step
        readonly double[] wander;      // per-fish slowly varying turn bias (rad/frame)
        readonly double[] pace;        // per-fish slowly varying calm speed factor
        readonly double[] burstFactor; // per-fish speed factor in the current burst
        public readonly List<BurstEvent> Bursts = [];
        public readonly List<ApproachEvent> Decoys = [];
        public readonly List<ChosenPair> Pairs = [];
        readonly Queue<ChosenPair>? replay; // the pairs to take instead of choosing (a session without precursors)
        public GroupPhase Phase = GroupPhase.Calm;

        // The schedule of the current calm spell and burst (frame indices; int.MinValue when not planned).
        int decoyStart = int.MinValue, decoyEnd = int.MinValue, precursorStart, onset, burstEnd, decayEnd = int.MinValue;
        int initiator = -1, target = -1, burstStart;
        int boutBursts; // bursts of the current bout so far

        public Session(TankParameters parameters, int seed, Queue<ChosenPair>? replay)
        {
            p = parameters;
            this.replay = replay;
            random = SeededRandom.For(seed, MotionStream, 0);
            n = p.FishCount;
            Traits = new FishTraits[n];
            Fish = new FishState[n];
            before = new FishState[n];
            wander = new double[n];
            pace = new double[n];
            burstFactor = new double[n];
            for (int i = 0; i < n; i++)
            {
                double size = random.Uniform(1 - p.SizeSpread, 1 + p.SizeSpread);
                Traits[i] = new FishTraits(p.BodyLength * size, p.BodyWidth * size,
                    p.BrightnessMin + random.NextInt(p.BrightnessMax - p.BrightnessMin + 1),
                    p.CalmSpeed * random.Uniform(0.75, 1.25));
                double margin = Math.Min(p.WallMargin + p.BodyLength, Math.Min(p.Width, p.Height) / 3.0);
                Fish[i] = new FishState(
                    random.Uniform(margin, p.Width - 1 - margin), random.Uniform(margin, p.Height - 1 - margin),
                    random.Uniform(-Math.PI, Math.PI), Traits[i].CruiseSpeed, 0, random.Uniform(0, 2 * Math.PI));
            }
            PlanCalm(-WarmUpFrames);
        }

        /// <summary>Plans a calm spell starting at <paramref name="start"/>: its onset, precursor and maybe a decoy.</summary>
        void PlanCalm(int start)
        {
            Phase = GroupPhase.Calm;
            bool inBout = random.Chance(p.BoutProbability) && boutBursts < p.BoutBurstsMax;
            if (!inBout) boutBursts = 0;
            onset = start + p.Frames(inBout
                ? random.Uniform(p.CalmSecondsMin, p.ShortCalmSecondsMax)
                : random.Uniform(p.ShortCalmSecondsMax, p.CalmSecondsMax));
            if (start < 0) onset = Math.Max(onset, p.Frames(p.PrecursorSecondsMax)); // the first precursor lies inside the session
            precursorStart = onset - p.Frames(random.Uniform(p.PrecursorSecondsMin, p.PrecursorSecondsMax));
            decoyStart = decoyEnd = int.MinValue;
            if (random.Chance(p.DecoyProbability))
            {
                int length = p.Frames(random.Uniform(p.PrecursorSecondsMin, p.PrecursorSecondsMax));
                int gap = p.Frames(1.0); // a decoy ends at least a second before the precursor starts
                int first = Math.Max(start, 0) + p.Frames(0.5);
                int room = precursorStart - gap - length - first;
                if (room >= 0)
                {
                    decoyStart = first + random.NextInt(room + 1);
                    decoyEnd = decoyStart + length - 1;
                }
            }
        }

        /// <summary>Moves the schedule to frame <paramref name="t"/>, then moves every fish by one frame.</summary>
        public void Step(int t)
        {
            Advance(t);
            Move(t);
        }

        void Advance(int t)
        {
            switch (Phase)
            {
                case GroupPhase.Calm when t == decoyStart:
                    ChoosePair();
                    Decoys.Add(new ApproachEvent(decoyStart, decoyEnd, initiator, target));
                    Phase = GroupPhase.Decoy;
                    break;
                case GroupPhase.Decoy when t > decoyEnd:
                    Phase = GroupPhase.Calm;
                    initiator = target = -1;
                    break;
                case GroupPhase.Calm when t == precursorStart:
                    StartPrecursor();
                    break;
                case GroupPhase.Precursor when t == onset:
                    Phase = GroupPhase.Burst;
                    burstStart = t;
                    burstEnd = t + p.Frames(random.Uniform(p.BurstSecondsMin, p.BurstSecondsMax)) - 1;
                    for (int i = 0; i < n; i++) burstFactor[i] = random.Uniform(0.85, 1.15);
                    Bursts.Add(new BurstEvent(precursorStart, onset, burstEnd, initiator, target));
                    boutBursts++;
                    break;
                case GroupPhase.Burst when t > burstEnd:
                    Phase = GroupPhase.Decay;
                    decayEnd = t + p.Frames(p.DecaySeconds) - 1;
                    break;
                case GroupPhase.Decay when t > decayEnd:
                    initiator = target = -1;
                    PlanCalm(t);
                    if (t == precursorStart) StartPrecursor(); // a spell no longer than its precursor is all precursor
                    break;
            }
        }

        void StartPrecursor()
        {
            ChoosePair();
            Phase = GroupPhase.Precursor;
        }

        /// <summary>
        /// Picks the initiator and target: a random ordered pair 2-4 body lengths apart (so the approach is visible and
        /// has room to shrink the distance), preferring pairs where the initiator already faces the target (within 90
        /// degrees, as a fish chases what is ahead of it); if no pair is that far apart, the pair closest to 3 body lengths.
        /// </summary>
        void ChoosePair()
        {
            if (replay is not null)
            {
                var chosen = replay.Dequeue();
                if (chosen.Pool > 0) random.NextInt(chosen.Pool); // draw as the session with precursors did
                (initiator, target) = (chosen.Initiator, chosen.Target);
                return;
            }
            double near = 2 * p.BodyLength, far = 4 * p.BodyLength;
            var ahead = new List<(int, int)>();
            var any = new List<(int, int)>();
            (int, int) fallback = (0, 1);
            double best = double.MaxValue;
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                {
                    if (i == j) continue;
                    double d = Distance(Fish[i], Fish[j]);
                    if (d >= near && d <= far)
                    {
                        any.Add((i, j));
                        double bearing = Math.Atan2(Fish[j].Y - Fish[i].Y, Fish[j].X - Fish[i].X);
                        if (Math.Abs(Wrap(bearing - Fish[i].Heading)) <= Math.PI / 2) ahead.Add((i, j));
                    }
                    double off = Math.Abs(d - 3 * p.BodyLength);
                    if (off < best) { best = off; fallback = (i, j); }
                }
            var pool = ahead.Count > 0 ? ahead : any;
            (initiator, target) = pool.Count > 0 ? pool[random.NextInt(pool.Count)] : fallback;
            Pairs.Add(new ChosenPair(initiator, target, pool.Count));
        }

        void Move(int t)
        {
            double cx = 0, cy = 0, hx = 0, hy = 0;
            foreach (var f in Fish)
            {
                cx += f.X; cy += f.Y;
                hx += Math.Cos(f.Heading); hy += Math.Sin(f.Heading);
            }
            cx /= n; cy /= n;
            bool burst = Phase == GroupPhase.Burst;
            bool approach = Phase is GroupPhase.Precursor or GroupPhase.Decoy;
            bool escaping = burst && t - burstStart < p.Frames(0.3);
            double onsetRate = 1 - Math.Exp(-3.0 / p.Frames(p.OnsetSeconds));
            double decayRate = 1 - Math.Exp(-3.0 / p.Frames(p.DecaySeconds));
            double calmRate = 1 - Math.Exp(-3.0 / p.Frames(0.5));
            Fish.CopyTo(before, 0);
            for (int i = 0; i < n; i++)
            {
                var f = before[i];
                double ux = Math.Cos(f.Heading), uy = Math.Sin(f.Heading);
                double dx = ux, dy = uy;
                Walls(f, ref dx, ref dy);
                for (int j = 0; j < n; j++)
                {
                    if (j == i) continue;
                    double ox = f.X - before[j].X, oy = f.Y - before[j].Y, d = Math.Sqrt(ox * ox + oy * oy);
                    double keep = 1.2 * Traits[i].Length;
                    if (d < keep && d > 1e-9) { double w = 1.5 * (keep - d) / keep / d; dx += ox * w; dy += oy * w; }
                }
                double toCentreX = cx - f.X, toCentreY = cy - f.Y, centre = Math.Sqrt(toCentreX * toCentreX + toCentreY * toCentreY);
                if (burst)
                {
                    double ax = hx - ux, ay = hy - uy, a = Math.Sqrt(ax * ax + ay * ay);
                    if (a > 1e-9) { dx += 1.2 * ax / a; dy += 1.2 * ay / a; }
                    if (centre > 1e-9) { dx += 0.3 * toCentreX / centre; dy += 0.3 * toCentreY / centre; }
                    if (escaping && i != initiator)
                    {
                        double ex = f.X - before[initiator].X, ey = f.Y - before[initiator].Y, e = Math.Sqrt(ex * ex + ey * ey);
                        if (e > 1e-9) { dx += 2 * ex / e; dy += 2 * ey / e; }
                    }
                }
                else if (centre > 0.35 * Math.Min(p.Width, p.Height))
                {
                    dx += 0.15 * toCentreX / centre; dy += 0.15 * toCentreY / centre;
                }
                bool chasing = approach && i == initiator && p.Precursor;
                double facing = 1; // how squarely the initiator faces its target: it turns first, then speeds up
                if (chasing)
                {
                    double gx = before[target].X - f.X, gy = before[target].Y - f.Y, g = Math.Sqrt(gx * gx + gy * gy);
                    if (g > 0.8 * Traits[i].Length) { dx += 3 * gx / g; dy += 3 * gy / g; }
                    facing = Math.Clamp(1 - Math.Abs(Wrap(Math.Atan2(gy, gx) - f.Heading)) / 1.2, 0.25, 1);
                }

                double error = Wrap(Math.Atan2(dy, dx) - f.Heading);
                if (Math.Abs(error) > 0.95 * Math.PI) error = Math.PI * (f.TurnRate >= 0 ? 1 : -1); // straight at a wall: keep turning the same way
                wander[i] = 0.97 * wander[i] + 0.0015 * random.Gaussian(); // gentle: a turning body changes more pixels than slow swimming
                double maxTurn = chasing ? 0.2 : 0.02 + 0.06 * f.Speed;
                double turnTarget = Math.Clamp(0.25 * error + (burst ? 0 : wander[i]), -maxTurn, maxTurn);
                double turn = f.TurnRate + (chasing ? 0.5 : 0.2) * (turnTarget - f.TurnRate);
                double heading = Wrap(f.Heading + turn);

                pace[i] = 0.95 * pace[i] + 0.08 * random.Gaussian();
                double calm = Traits[i].CruiseSpeed * Math.Max(0.2, 1 + 0.5 * pace[i]);
                (double goal, double rate) = Phase switch
                {
                    GroupPhase.Burst => (p.BurstSpeed * burstFactor[i], onsetRate),
                    GroupPhase.Decay => (calm, decayRate),
                    _ when chasing => (Math.Max(calm, p.ApproachSpeed * facing), calmRate),
                    _ => (calm, calmRate),
                };
                double speed = Math.Max(0.05, f.Speed + rate * (goal - f.Speed));
                double x = Math.Clamp(f.X + speed * Math.Cos(heading), 0, p.Width - 1);
                double y = Math.Clamp(f.Y + speed * Math.Sin(heading), 0, p.Height - 1);
                double tail = f.TailPhase + 2 * Math.PI * FishBody.TailBeatHertz(speed) / p.FramesPerSecond;
                Fish[i] = new FishState(x, y, heading, speed, turn, tail % (2 * Math.PI));
            }
        }

        /// <summary>Pushes the desired direction away from walls near the fish or near where it will be in 6 frames.</summary>
        void Walls(FishState f, ref double dx, ref double dy)
        {
            double margin = p.WallMargin + 4 * f.Speed;
            double ax = f.X + 6 * f.Speed * Math.Cos(f.Heading), ay = f.Y + 6 * f.Speed * Math.Sin(f.Heading);
            dx += Push(Math.Min(f.X, ax), margin) - Push(Math.Min(p.Width - 1 - f.X, p.Width - 1 - ax), margin);
            dy += Push(Math.Min(f.Y, ay), margin) - Push(Math.Min(p.Height - 1 - f.Y, p.Height - 1 - ay), margin);
        }

        static double Push(double distance, double margin)
        {
            if (distance >= margin) return 0;
            double r = (margin - Math.Max(distance, 0)) / margin;
            return 4 * r * r;
        }
    }

    static double Distance(FishState a, FishState b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));

    static double Wrap(double angle) => angle - 2 * Math.PI * Math.Round(angle / (2 * Math.PI));
}
