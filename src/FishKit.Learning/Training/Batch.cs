using static TorchSharp.torch;

namespace FishKit.Training;

/// <summary>
/// One batch: model inputs, 0/1 targets as floats (B), and the frame each sample belongs to
/// (so predictions can be written per frame). The batch owns its tensors.
/// </summary>
public sealed class Batch(Tensor inputs, Tensor targets, int[] frames) : IDisposable
{
    /// <summary>Model inputs, first dimension B.</summary>
    public Tensor Inputs { get; } = inputs;

    /// <summary>Targets (B), 0 or 1, float32.</summary>
    public Tensor Targets { get; } = targets;

    /// <summary>The frame index of each sample.</summary>
    public int[] Frames { get; } = frames;

    public void Dispose()
    {
        Inputs.Dispose();
        Targets.Dispose();
    }
}
