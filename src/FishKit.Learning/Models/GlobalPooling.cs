namespace FishKit.Models;

/// <summary>How the classifier reduces the last ConvLSTM state over space to one value per filter.</summary>
public enum GlobalPooling
{
    /// <summary>Keras' GlobalMaxPooling2D (the write-up's choice).</summary>
    Max,
    /// <summary>Keras' GlobalAveragePooling2D.</summary>
    Average,
}
