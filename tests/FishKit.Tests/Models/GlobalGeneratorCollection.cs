namespace FishKit.Tests.Models;

/// <summary>
/// Tests that compare weights drawn after <c>torch.manual_seed</c>: the global generator is shared by every thread,
/// so they run alone, after the parallel tests (any other test building a model would draw from it meanwhile).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalGeneratorCollection
{
    public const string Name = "torch global generator";
}
