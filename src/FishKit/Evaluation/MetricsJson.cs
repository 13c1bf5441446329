using System.Text.Json;
using System.Text.Json.Nodes;

namespace FishKit.Evaluation;

/// <summary>
/// The one JSON shape of the kit's metrics, for <c>fishkit evaluate --json</c>, <c>reproduce</c>'s metrics.json and any
/// notebook or program: snake_case keys of <see cref="EvaluationReport"/> (n, positives, auc, average_precision,
/// youden, max_accuracy), and beside them, when computed, <c>auc_ci</c>, <c>delong</c>, <c>by_kind</c> and
/// <c>unmatched_positives</c>. Where several models share one range of frames (reproduce), each model's entry leaves
/// out the counts the range gives once (<see cref="Metrics"/>).
/// </summary>
public static class MetricsJson
{
    /// <summary>The serializer options of the shape (snake_case, indented).</summary>
    public static JsonSerializerOptions Options { get; } = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    /// <summary>One series' metrics with whatever else was computed for it.</summary>
    public static JsonObject Of(EvaluationReport report, AucInterval? interval = null, DeLongComparison? delong = null, BurstKindReport? byKind = null)
    {
        var node = JsonSerializer.SerializeToNode(report, Options)!.AsObject();
        if (interval is not null) node["auc_ci"] = JsonSerializer.SerializeToNode(interval, Options);
        if (delong is not null) node["delong"] = JsonSerializer.SerializeToNode(delong, Options);
        if (byKind is not null)
        {
            node["by_kind"] = Kinds(byKind);
            node["unmatched_positives"] = byKind.UnmatchedPositives;
        }
        return node;
    }

    /// <summary>The metrics of one model among several on shared frames: <see cref="Of"/> without n and positives.</summary>
    public static JsonObject Metrics(EvaluationReport report)
    {
        var node = Of(report);
        node.Remove("n");
        node.Remove("positives");
        return node;
    }

    /// <summary>{"first_of_bout": {"auc", "ci_low", "ci_high", "positives", "negatives", "bursts"}, "in_bout": {...}}.</summary>
    public static JsonObject Kinds(BurstKindReport byKind) =>
        new(Enum.GetValues<BurstKind>().Select(kind =>
            KeyValuePair.Create(BurstKindEvaluation.Name(kind), JsonSerializer.SerializeToNode(byKind[kind], Options))));

    /// <summary>The text of <paramref name="node"/> in this shape's options.</summary>
    public static string Write(JsonNode node) => node.ToJsonString(Options);
}
