namespace FishKit.Models;

/// <summary>Padding of a ConvLSTM's input convolution, as Keras names it (the recurrent convolution is always <see cref="Same"/>).</summary>
public enum ConvPadding
{
    /// <summary>No padding: each side shrinks by kernel - 1 (120x160 becomes 118x158 with a 3x3 kernel).</summary>
    Valid,
    /// <summary>Zero padding that keeps the size; for an even kernel the extra row and column go at the bottom and right, as in TensorFlow.</summary>
    Same,
}
