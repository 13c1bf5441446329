namespace FishKit.Synthetic;

/// <summary>
/// One fish in one frame. (X, Y) is the centre of the head in pixels, pixel (0, 0)'s centre being (0, 0), x to the right,
/// y down; <see cref="Heading"/> is in radians from +x towards +y; speeds are pixels per frame.
/// </summary>
public readonly record struct FishState(double X, double Y, double Heading, double Speed, double TurnRate, double TailPhase);

/// <summary>What stays fixed about one fish for a whole session: its size, brightness and cruising speed.</summary>
public sealed record FishTraits(double Length, double Width, int Brightness, double CruiseSpeed);

/// <summary>What the group is doing in a frame.</summary>
public enum GroupPhase
{
    /// <summary>Slow drifting and small random turns.</summary>
    Calm,

    /// <summary>Calm, while one fish approaches another and no burst follows.</summary>
    Decoy,

    /// <summary>Calm, while the initiator approaches its target in the second or so before a burst.</summary>
    Precursor,

    /// <summary>Fast swimming of the whole group.</summary>
    Burst,

    /// <summary>Speed decaying back to calm after a burst.</summary>
    Decay,
}

/// <summary>
/// One burst: the initiator starts approaching the target at <see cref="PrecursorStart"/>, the group's speed rises from
/// <see cref="Onset"/>, and fast swimming lasts to <see cref="End"/> (inclusive) before the decay. Frame indices of the session.
/// </summary>
public sealed record BurstEvent(int PrecursorStart, int Onset, int End, int Initiator, int Target);

/// <summary>A decoy: an approach from <see cref="Start"/> to <see cref="End"/> (inclusive) that no burst follows.</summary>
public sealed record ApproachEvent(int Start, int End, int Initiator, int Target);
