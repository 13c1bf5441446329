using FishKit.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace FishKit.Tests.Models;

public class TrainingStepMemoryTests
{
    [Fact]
    public void Live_tensors_stay_flat_over_repeated_training_steps_inside_a_dispose_scope()
    {
        manual_seed(1);
        using var model = Architectures.Create(Architectures.WriteUpTwoLayer);
        using var optimizer = optim.Adam(model.parameters(), lr: 8e-5, eps: 1e-7);
        var generator = new Generator(2);
        var stats = DisposeScopeManager.Statistics;
        var before = model.state_dict()["convlstm.0.cell.kernel"].clone();
        var live = new List<long>();
        for (int step = 0; step < 30; step++)
        {
            using (NewDisposeScope())
            {
                var clips = randint(0, 256, [4L, 4, 4, 14, 18], dtype: ScalarType.Byte, generator: generator);
                var labels = tensor(new float[] { 0, 1, 0, 1 });
                var weights = tensor(new[] { 0.133f, 0.866f, 0.133f, 0.866f });
                optimizer.zero_grad();
                var loss = nn.functional.binary_cross_entropy_with_logits(model.forward(clips), labels, weights);
                loss.backward();
                optimizer.step();
            }
            live.Add(stats.ThreadTotalLiveCount);
        }
        // The optimizer's state appears in the first step; from then on every step must free all it made.
        Assert.All(live.Skip(1), count => Assert.Equal(live[1], count));
        Assert.False(before.eq(model.state_dict()["convlstm.0.cell.kernel"]).all().item<bool>()); // the steps did train
        before.Dispose();
    }
}
