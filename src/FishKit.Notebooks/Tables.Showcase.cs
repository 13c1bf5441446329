using FishKit.Evaluation;
using FishKit.Showcase;
using Microsoft.Data.Analysis;

namespace FishKit.Notebooks;

/// <summary>The tables of notebook 10: the models by burst kind, and how many frames and bursts each kind rests on.</summary>
public static partial class Tables
{
    /// <summary>Per model: ROC AUC overall and on each burst kind's positives (against all negatives), each with its 95 % interval.</summary>
    public static DataFrame ByBurstKind(params ShowcaseModel[] models)
    {
        DataFrame frame = new(new StringDataFrameColumn("model", models.Select(m => m.Name)));
        void Add(string what, Func<ShowcaseModel, (double? Auc, double? Low, double? High)> cell)
        {
            frame.Columns.Add(new DoubleDataFrameColumn($"{what} AUC", models.Select(m => cell(m).Auc)));
            frame.Columns.Add(new DoubleDataFrameColumn($"{what} from", models.Select(m => cell(m).Low)));
            frame.Columns.Add(new DoubleDataFrameColumn($"{what} to", models.Select(m => cell(m).High)));
        }
        Add("overall", m => (m.Overall.Auc, m.Overall.Lower, m.Overall.Upper));
        foreach (var kind in Enum.GetValues<BurstKind>())
            Add(BurstKindEvaluation.Name(kind), m => (m.ByKind[kind].Auc, m.ByKind[kind].CiLow, m.ByKind[kind].CiHigh));
        return frame;
    }

    /// <summary>What each burst kind's AUC rests on: bursts, positive frames, negative frames, and positives before no truth onset.</summary>
    public static DataFrame BurstKindCounts(BurstKindReport report) => new(
        new StringDataFrameColumn("burst kind", Enum.GetValues<BurstKind>().Select(BurstKindEvaluation.Name)),
        new Int32DataFrameColumn("bursts", Enum.GetValues<BurstKind>().Select(k => report[k].Bursts)),
        new Int32DataFrameColumn("positive frames", Enum.GetValues<BurstKind>().Select(k => report[k].Positives)),
        new Int32DataFrameColumn("negative frames", Enum.GetValues<BurstKind>().Select(k => report[k].Negatives)),
        new Int32DataFrameColumn("positives before no onset", Enum.GetValues<BurstKind>().Select(_ => report.UnmatchedPositives)));
}
