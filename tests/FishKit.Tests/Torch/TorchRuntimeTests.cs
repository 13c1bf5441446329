using FishKit.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace FishKit.Tests.Torch;

public class TorchRuntimeTests
{
    [Fact]
    public void Loads_the_shipped_library_or_the_weak_copy_as_this_system_s_libstdcxx_requires()
    {
        var setup = TorchRuntime.EnsureLoaded();

        var libStdCxx = SystemLibStdCxx.Locate(ProcessMaps.MappedFiles())!;
        bool hasMarker = ElfFile.Read(libStdCxx).VersionDefinitions.Contains(WeakVersionPatch.IosBaseLibraryInitVersion);
        Assert.Equal(hasMarker ? TorchNativeSetupKind.Original : TorchNativeSetupKind.WeakPatched, setup.Kind);
        if (!hasMarker)
        {
            Assert.StartsWith(TorchRuntime.CacheFolder() + Path.DirectorySeparatorChar, setup.LibTorchSharp);
            Assert.Equal([WeakVersionPatch.IosBaseLibraryInitVersion], setup.MissingVersions);
        }
        Assert.Same(setup, TorchRuntime.EnsureLoaded());
    }

    [Fact]
    public void Only_the_package_s_libtorch_is_loaded_and_no_cpu_folder_is_made_beside_TorchSharp()
    {
        var setup = TorchRuntime.EnsureLoaded();
        Assert.Equal(3f, (tensor(1f) + 2f).item<float>());

        var libtorch = ProcessMaps.Named(ProcessMaps.MappedFiles(), "libtorch_cpu.so").ToList();
        Assert.Equal([ProcessMaps.CanonicalPath(setup.LibTorchCpu!)], libtorch);
        var torchSharpFolder = Path.GetDirectoryName(typeof(torch).Assembly.Location)!;
        Assert.False(Directory.Exists(Path.Combine(torchSharpFolder, "cpu")), $"TorchSharp consolidated natives into {torchSharpFolder}/cpu");
    }

    [Fact]
    public void A_ConvLSTM_sized_step_runs_forward_and_backward_with_the_right_gradient()
    {
        TorchRuntime.EnsureLoaded();
        using var scope = NewDisposeScope();
        var generator = new Generator(20240607);
        // One ConvLSTM cell step at the write-up's size: batch 4, 4 input + 16 hidden channels, 120x160, 3x3 kernel, 4 gates x 16.
        var input = randn([4, 4 + 16, 120, 160], float64, generator: generator);
        var c0 = randn([4, 16, 120, 160], float64, generator: generator);
        var weight = (randn([64, 20, 3, 3], float64, generator: generator) * 0.05).requires_grad_();
        var bias = zeros(64, float64);

        Tensor Loss(Tensor w)
        {
            var gates = nn.functional.conv2d(input, w, bias, padding: [1, 1]).chunk(4, 1);
            var c = gates[1].sigmoid() * c0 + gates[0].sigmoid() * gates[3].tanh();
            var h = gates[2].sigmoid() * c.tanh();
            return h.square().mean();
        }

        var loss = Loss(weight);
        loss.backward();
        var gradient = weight.grad!;
        Assert.True(gradient.isfinite().all().item<bool>());
        Assert.True(gradient.abs().max().item<double>() > 0);

        // The analytic directional derivative matches a central difference along a random direction.
        var direction = randn([64, 20, 3, 3], float64, generator: generator);
        double analytic = (gradient * direction).sum().item<double>();
        const double eps = 1e-5;
        double numeric;
        using (no_grad())
            numeric = (Loss(weight + eps * direction) - Loss(weight - eps * direction)).item<double>() / (2 * eps);
        Assert.Equal(numeric, analytic, Math.Abs(numeric) * 1e-6);
    }

    [Fact]
    public void A_tiny_convolution_gives_the_hand_computed_gradient()
    {
        TorchRuntime.EnsureLoaded();
        using var scope = NewDisposeScope();
        double[] x = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
        double[] w = [-0.4, -0.3, -0.2, -0.1, 0.0, 0.1, 0.2, 0.3, 0.4];
        var weight = tensor(w, float64).reshape(1, 1, 3, 3).requires_grad_();

        var y = nn.functional.conv2d(tensor(x, float64).reshape(1, 1, 3, 3), weight);
        y.tanh().square().sum().backward();

        // L = tanh(y)^2 with y = sum(w x) = 0.6, so dL/dw = 2 tanh(y) (1 - tanh(y)^2) x.
        double t = Math.Tanh(0.6);
        var expected = x.Select(v => 2 * t * (1 - t * t) * v).ToArray();
        Assert.Equal(0.6, y.item<double>(), 1e-12);
        Assert.Equal(expected, weight.grad!.flatten().data<double>().ToArray(), (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void A_native_folder_without_the_libraries_gives_one_clear_message()
    {
        using var empty = new TempDir();

        var e = Assert.Throws<FishKitException>(() => TorchRuntime.Locate(typeof(torch).Assembly, empty.Path));

        Assert.DoesNotContain('\n', e.Message);
        Assert.Contains(empty.Path, e.Message);
        Assert.Contains("libtorch_cpu.so", e.Message);
        Assert.Contains(TorchRuntime.NativesVariable, e.Message);
    }

    [Fact]
    public void Another_libtorch_already_in_the_process_is_noticed()
    {
        const string ours = "/home/u/.nuget/packages/libtorch-cpu-linux-x64/2.10.0/runtimes/linux-x64/native/libtorch_cpu.so";
        var maps = ProcessMaps.Parse(
            "7f0000000000-7f0000001000 r--p 00000000 08:01 1234  /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30\n" +
            "7f0000002000-7f0000003000 r-xp 00001000 08:01 5678  /usr/lib/x86_64-linux-gnu/libtorch_cpu.so.1.13.0\n" +
            "7f0000004000-7f0000005000 rw-p 00000000 00:00 0 \n" +
            "7ffc00000000-7ffc00021000 rw-p 00000000 00:00 0  [stack]\n");

        Assert.Equal(["/usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30", "/usr/lib/x86_64-linux-gnu/libtorch_cpu.so.1.13.0"], maps);
        Assert.Equal("/usr/lib/x86_64-linux-gnu/libtorch_cpu.so.1.13.0", TorchRuntime.ForeignLibTorch(maps, ours));
        Assert.Null(TorchRuntime.ForeignLibTorch([maps[0], ours], ours));
    }
}
