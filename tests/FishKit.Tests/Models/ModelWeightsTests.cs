using FishKit.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace FishKit.Tests.Models;

public class ModelWeightsTests
{
    [Fact]
    public void Weights_and_BatchNorm_statistics_round_trip_through_a_PyTorch_file()
    {
        using var dir = new TempDir();
        using var scope = NewDisposeScope();
        manual_seed(1);
        using var saved = Architectures.Create(Architectures.WriteUpBest);
        var clips = randint(0, 256, [2L, 3, 4, 10, 12], dtype: ScalarType.Byte);
        saved.forward(clips); // train mode: moves the running statistics away from 0 and 1
        ModelWeights.SavePyTorch(saved, dir["best.pt"]);

        manual_seed(2);
        using var loaded = Architectures.Create(Architectures.WriteUpBest);
        ModelWeights.LoadPyTorch(loaded, dir["best.pt"]);
        var expected = saved.state_dict();
        foreach (var (name, t) in loaded.state_dict()) Assert.True(t.eq(expected[name]).all().item<bool>(), name);
        saved.eval();
        loaded.eval();
        Assert.Equal(saved.forward(clips).data<float>().ToArray(), loaded.forward(clips).data<float>().ToArray());
    }

    [Fact]
    public void A_checkpoint_of_another_architecture_is_refused_listing_the_mismatched_tensors_and_nothing_changes()
    {
        using var dir = new TempDir();
        using var scope = NewDisposeScope();
        using (var other = Architectures.Create(Architectures.WriteUpTwoLayer)) ModelWeights.SavePyTorch(other, dir["two.pt"]);
        using var model = Architectures.Create(Architectures.WriteUpBest);
        var before = model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.clone());

        var e = Assert.Throws<FishKitException>(() => ModelWeights.LoadPyTorch(model, dir["two.pt"]));
        Assert.Contains("two.pt", e.Message);
        Assert.Contains("norm.running_mean (16) missing from the file", e.Message);
        Assert.Contains("convlstm.1.cell.recurrent_kernel (128, 32, 3, 3) in the file is not in the model", e.Message);
        Assert.Contains("convlstm.1.cell.kernel (128, 16, 3, 3) in the file is not in the model", e.Message);
        Assert.Contains("dense.weight is (1, 32) in the file but (1, 16) in the model", e.Message);
        Assert.DoesNotContain("\n", e.Message);
        foreach (var (name, t) in model.state_dict()) Assert.True(t.eq(before[name]).all().item<bool>(), name);
    }

    [Fact]
    public void A_checkpoint_for_other_input_channels_names_the_kernel_shapes()
    {
        using var dir = new TempDir();
        using (var single = Architectures.Create(Architectures.WriteUpBest, inputChannels: 1)) ModelWeights.SavePyTorch(single, dir["one.pt"]);
        using var model = Architectures.Create(Architectures.WriteUpBest);
        var e = Assert.Throws<FishKitException>(() => ModelWeights.LoadPyTorch(model, dir["one.pt"]));
        Assert.Contains("convlstm.0.cell.kernel is (64, 1, 3, 3) in the file but (64, 4, 3, 3) in the model", e.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_state_dict_or_is_missing_is_a_clear_error()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["notes.pt"], "not a checkpoint");
        using var model = Architectures.Create(Architectures.WriteUpBest);
        Assert.Contains("is not a PyTorch state_dict", Assert.Throws<FishKitException>(() => ModelWeights.LoadPyTorch(model, dir["notes.pt"])).Message);
        Assert.Contains("does not exist", Assert.Throws<FishKitException>(() => ModelWeights.LoadPyTorch(model, dir["none.pt"])).Message);
    }
}
