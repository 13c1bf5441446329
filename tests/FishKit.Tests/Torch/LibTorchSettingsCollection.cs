namespace FishKit.Tests.Torch;

/// <summary>
/// Tests that change libtorch's process-wide settings (thread count, oneDNN) and restore them: they run alone, after
/// the parallel tests, so that no other test computes while a setting is changed under it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LibTorchSettingsCollection
{
    public const string Name = "libtorch process-wide settings";
}
