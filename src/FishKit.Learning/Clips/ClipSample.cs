namespace FishKit.Clips;

/// <summary>One training sample as indices: the clip ending at frame <see cref="Frame"/>, flipped by <see cref="Flip"/>.</summary>
public readonly record struct ClipSample(int Frame, Flip Flip)
{
    public override string ToString() => Flip == Flip.None ? $"t={Frame}" : $"t={Frame} {Flip}";
}
