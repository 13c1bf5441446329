using FishKit.Clips;
using TorchSharp;
using static TorchSharp.torch;

namespace FishKit.Tests.Clips;

public class ClipTensorTests
{
    [Fact]
    public void The_pixel_tensor_is_uint8_B_n_c_H_W_over_the_batch_and_the_labels_float()
    {
        using var fixture = new ClipFixture();
        var set = fixture.Set(new ClipLayout(5, 2), 9, 15); // 7 samples: batches of 4 and 3
        var plan = BatchPlan.ForEpoch(set.Frames, BatchOptions.InOrder, 1, 0);
        var batch = new ClipBatch(4, set.Layout, set.Store.Size);
        batch.Fill(set, plan.Batch(1), 1);
        using var scope = NewDisposeScope();

        var pixels = batch.PixelTensor();
        Assert.Equal(ScalarType.Byte, pixels.dtype);
        Assert.Equal([3L, 5, 2, 6, 8], pixels.shape);
        // Sample 1 is t = 14: step 2, channel 1 is frame 14 - 9 + 2*2 + 1 = 10; its pixel (y 3, x 5) by the index code.
        Assert.Equal(Tests.Store.TestStores.Pixel(10, 5, 3, 8), pixels[1, 2, 1, 3, 5].item<byte>());
        Assert.Equal(batch.Pixels.ToArray(), pixels.data<byte>().ToArray());

        var labels = batch.LabelTensor();
        Assert.Equal(ScalarType.Float32, labels.dtype);
        Assert.Equal([0f, 0f, 1f], labels.data<float>().ToArray()); // frames 13, 14, 15: multiples of 3 are 1
    }
}
