namespace FishKit.Keras;

/// <summary>
/// Where an imported run's weights came from, kept in its config.json under <c>data.imported_from</c>: the SavedModel
/// folder, the SHA-256 of its files, the architecture recognised, and the Adam state the checkpoint was saved with.
/// </summary>
/// <param name="Folder">The SavedModel folder, as a full path.</param>
/// <param name="Architecture">The kit's name of the model (writeup-best or writeup-two-layer).</param>
/// <param name="Sha256">SHA-256 (lower-case hex) of each file read, by path relative to <paramref name="Folder"/>.</param>
/// <param name="OptimizerIterations">Adam's step count (<c>optimizer/iter</c>), if saved.</param>
/// <param name="LearningRate">Adam's learning rate, if saved.</param>
/// <param name="Beta1">Adam's beta1, if saved.</param>
/// <param name="Beta2">Adam's beta2, if saved.</param>
public sealed record KerasImportSource(string Folder, string Architecture, IReadOnlyDictionary<string, string> Sha256,
    long? OptimizerIterations, double? LearningRate, double? Beta1, double? Beta2);
