namespace FishKit.Clips;

/// <summary>How an epoch's samples are ordered.</summary>
public enum ShuffleMode
{
    /// <summary>In time order (flip by flip when flipping): for validation and prediction.</summary>
    None,

    /// <summary>A full seeded permutation, new every epoch.</summary>
    Full,

    /// <summary>
    /// The write-up's small-buffer shuffle (tf.data's <c>shuffle(buffer_size)</c>): a buffer of the next
    /// <see cref="BatchOptions.BufferFraction"/> of the samples, in time order, from which each output is drawn at
    /// random and refilled with the next sample, so samples move only about a buffer's length.
    /// </summary>
    Buffer,
}
