using System.Text.Json;

namespace FishKit.Tests.Reference;

/// <summary>Labels and baseline scores computed by numpy from the write-up's rules (make_signal_reference.py).</summary>
public sealed record SignalReference(double[] Ytilde, int[] Labels, double[] Baseline)
{
    public static SignalReference Load() =>
        JsonSerializer.Deserialize<SignalReference>(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "signal_reference.json")),
            new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
}
