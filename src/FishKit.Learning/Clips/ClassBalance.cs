namespace FishKit.Clips;

/// <summary>Whether an epoch evens out the two classes (the write-up weighted the loss instead).</summary>
public enum ClassBalance
{
    /// <summary>Every sample once.</summary>
    None,

    /// <summary>Every sample of the smaller class, and as many of the larger class drawn anew each epoch.</summary>
    Undersample,

    /// <summary>Every sample of the larger class, and the smaller class repeated to as many (each sample equally often, give or take one).</summary>
    Oversample,
}
