using FishKit.Models;
using Microsoft.Data.Analysis;

namespace FishKit.Notebooks;

public static partial class Tables
{
    /// <summary>A model's stages and their output shapes, as <see cref="ConvLstmClassifier.TraceShapes"/> reports them.</summary>
    public static DataFrame Shapes(IReadOnlyList<StageShape> stages) => new(
        new StringDataFrameColumn("stage", stages.Select(s => s.Stage)),
        new StringDataFrameColumn("shape", stages.Select(s => s.ShapeText)));
}
