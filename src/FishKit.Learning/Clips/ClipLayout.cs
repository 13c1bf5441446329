using FishKit.Validation;

namespace FishKit.Clips;

/// <summary>
/// How a clip is cut from the frames up to t: <see cref="Steps"/> time steps of <see cref="Channels"/> frames each,
/// every <see cref="Stride"/>-th frame. Clip element (step k, channel j) is frame
/// <c>t - (Steps*Channels - 1 - (k*Channels + j)) * Stride</c>, so the frames run in time order through the steps and,
/// within a step, through the channels; the last step's last channel is frame t. The write-up's time channels are
/// (30, 4, 1): frames t-119 .. t, step k holding frames t-119+4k .. t-116+4k, the last step t-3 .. t.
/// </summary>
/// <param name="Steps">Time steps n (the ConvLSTM's sequence length).</param>
/// <param name="Channels">Frames per step c (the "time channels"); 1 for single frames.</param>
/// <param name="Stride">Distance between consecutive frames of a clip (1: every frame; 2: every second frame).</param>
public readonly record struct ClipLayout(int Steps, int Channels, int Stride = 1)
{
    /// <summary>The write-up's time channels: 30 steps of 4 consecutive frames, shape (30, 4, H, W).</summary>
    public static ClipLayout TimeChannels { get; } = new(30, 4);

    /// <summary>One frame per step: <paramref name="steps"/> steps of 1 channel (the write-up's single-frame alternative).</summary>
    public static ClipLayout SingleFrames(int steps, int stride = 1) => new(steps, 1, stride);

    /// <summary>Frames in one clip: Steps x Channels.</summary>
    public int FramesPerClip => Steps * Channels;

    /// <summary>Frames from a clip's first to its last, inclusive: (Steps x Channels - 1) x Stride + 1.</summary>
    public int Span => (FramesPerClip - 1) * Stride + 1;

    /// <summary>The earliest frame t with a whole clip behind it: <see cref="Span"/> - 1 (119 for the write-up's layout).</summary>
    public int FirstFrame => Span - 1;

    /// <summary>The frame at (<paramref name="step"/>, <paramref name="channel"/>) of the clip ending at frame <paramref name="t"/>.</summary>
    public int FrameOf(int t, int step, int channel) => t - (FramesPerClip - 1 - (step * Channels + channel)) * Stride;

    /// <summary>Throws a clear error for a layout that cannot be cut.</summary>
    public void Validate()
    {
        Limits.ClipSteps.Check("clip steps", Steps);
        if (Channels < 1 || Stride < 1)
            throw new FishKitException($"clip layout {this} needs at least 1 step, 1 channel and a stride of 1.");
        if ((long)Steps * Channels * Stride > 1_000_000)
            throw new FishKitException($"clip layout {this} spans over a million frames; use fewer steps, channels or a smaller stride.");
    }

    public override string ToString() => $"{Steps} steps x {Channels} channels, stride {Stride}";
}
