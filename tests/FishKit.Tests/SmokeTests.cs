namespace FishKit.Tests;

public class SmokeTests
{
    [Fact]
    public void Torch_adds() => Assert.Equal(3f, (TorchSharp.torch.tensor(1f) + 2f).item<float>());
}
