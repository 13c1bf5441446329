namespace FishKit.Frames;

/// <summary>How a frame is resized to the model's resolution.</summary>
public enum ResizeMethod
{
    /// <summary>Nearest neighbour with Pillow's index rule, as the original (Keras <c>load_img(target_size=...)</c>, which calls Pillow).</summary>
    Nearest,

    /// <summary>Bilinear interpolation with pixel centres at half-integers and edge pixels repeated (OpenCV's INTER_LINEAR, PyTorch's align_corners=False); no antialiasing.</summary>
    Bilinear,
}
