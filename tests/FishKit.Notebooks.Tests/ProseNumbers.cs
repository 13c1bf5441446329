using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FishKit.Ablation;
using FishKit.Baselines;
using FishKit.Frames;
using FishKit.Labeling;
using FishKit.Notebooks.Runner;
using FishKit.Training;
using FishKit.WriteUp;

namespace FishKit.Notebooks.Tests;

/// <summary>
/// The rule "numbers in prose are computed in front of the reader": every number in a Markdown cell of an executed
/// notebook must also appear in one of the notebook's outputs (text, tables; not chart data), unless it is
/// <list type="bullet">
/// <item>a published constant of the write-up (<see cref="WriteUpResults"/>, <see cref="WriteUpFacts"/>, the split, the
/// write-up's recipe, labelling and baseline parameters and class weights, with rates and shares also as percentages),</item>
/// <item>a statistical convention of the kit (chance AUC 0.5, labels 0 and 1, the 5 % level, 95 % intervals, 8-bit 255),</item>
/// <item>a quoted parameter (<c>*h* = 45</c>), a notebook, section, step, part, cell, layer or version number, a title's
/// number (<c>6 · Hyperparameters</c>), a list item's number, a year, or inside <c>`code`</c>, a code block or a link target,</item>
/// <item>in an exercise statement (the <c>## Exercises</c> cell), which sets a task rather than states a result.</item>
/// </list>
/// </summary>
static partial class ProseNumbers
{
    /// <summary>Each number that breaks the rule, as "notebook, cell k: 'number' in «context»".</summary>
    public static List<string> Violations(NotebookFile executed)
    {
        var computed = Values(OutputText(executed));
        var name = Path.GetFileNameWithoutExtension(executed.Path);
        var found = new List<string>();
        for (int k = 0; k < executed.Cells.Count; k++)
        {
            var cell = executed.Cells[k]!;
            var source = NotebookFile.Source(cell);
            if (NotebookFile.Type(cell) != "markdown" || source.StartsWith("## Exercises", StringComparison.Ordinal)) continue;
            foreach (var line in Clean(source).Split('\n'))
                foreach (Match m in Number().Matches(line))
                {
                    var before = line[..m.Index];
                    var after = line[(m.Index + m.Length)..];
                    if (Allowed(before, after)) continue;
                    var value = Parse(m.Value);
                    if (computed.Any(v => Same(v, value)) || Published.Any(v => Same(v, value))) continue;
                    found.Add($"{name}, cell {k}: '{m.Value}' in «{line[Math.Max(0, m.Index - 50)..Math.Min(line.Length, m.Index + m.Length + 30)]}»");
                }
        }
        return found;
    }

    /// <summary>Context that makes a number a reference, not a claim.</summary>
    static bool Allowed(string before, string after) =>
        Heading().IsMatch(before) || (ListItem().IsMatch(before) && after.StartsWith('.')) || after.StartsWith(" ·", StringComparison.Ordinal)
        || Reference().IsMatch(before) || Parameter().IsMatch(before);

    /// <summary>Markdown without code spans, code blocks and link targets.</summary>
    static string Clean(string markdown)
    {
        var text = CodeBlock().Replace(markdown, "");
        text = CodeSpan().Replace(text, "");
        return LinkTarget().Replace(text, "]");
    }

    /// <summary>Every output of every code cell as plain text: text/plain, streams, and HTML without tags and scripts (chart data is not prose).</summary>
    static string OutputText(NotebookFile notebook)
    {
        var texts = new List<string>();
        foreach (var output in notebook.Cells.Where(c => NotebookFile.Type(c!) == "code").SelectMany(c => c!["outputs"]!.AsArray()))
        {
            if (output!["data"]?["text/plain"] is JsonNode plain) texts.Add(Text(plain));
            if (output["data"]?["text/html"] is JsonNode html) texts.Add(WebUtility.HtmlDecode(Tag().Replace(Script().Replace(Text(html), " "), " ")));
            if (output["text"] is JsonNode stream) texts.Add(Text(stream));
        }
        return string.Join("\n", texts);
    }

    static string Text(JsonNode node) => node is JsonArray lines ? string.Concat(lines.Select(l => l!.GetValue<string>())) : node.GetValue<string>();

    static List<double> Values(string text) => Number().Matches(text).Select(m => Parse(m.Value)).ToList();

    static double Parse(string token) => double.Parse(token.Replace(",", ""), CultureInfo.InvariantCulture);

    static bool Same(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(a));

    /// <summary>The write-up's published constants and the kit's statistical conventions, read from the kit.</summary>
    static readonly List<double> Published = PublishedValues();

    static List<double> PublishedValues()
    {
        var values = new List<double> { 0, 1, 0.5, AblationTable.Alpha, 95, 0.95, 255 };
        void Rate(double r) { values.Add(r); values.Add(Math.Round(r * 100, 1)); values.Add(Math.Round(r * 100, 2)); }
        foreach (var (_, frames, rate) in WriteUpResults.Splits) { values.Add(frames); Rate(rate); Rate((double)frames / ChronologicalSplit.WriteUpTotal); }
        values.Add(ChronologicalSplit.WriteUpTotal);
        foreach (var field in typeof(WriteUpResults).GetFields(BindingFlags.Public | BindingFlags.Static))
            if (field.GetValue(null) is WriteUpResults.ModelResult result)
                values.AddRange(new[] { result.Auc, result.YoudenJ, result.YoudenThreshold, result.Tpr, result.Fpr, result.MaxAccuracy, result.MaxAccuracyThreshold }.Where(double.IsFinite));
        values.AddRange([WriteUpResults.EpochTimeRtx2080Ti.Hours, WriteUpResults.EpochTimeRtx2080Ti.Minutes]);
        foreach (var field in typeof(WriteUpFacts).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
            values.Add(Convert.ToDouble(field.GetRawConstantValue(), CultureInfo.InvariantCulture));
        var labels = LabelParameters.WriteUp;
        values.AddRange([labels.H, labels.B, labels.C, labels.N, labels.FirstFrame, labels.MinimumLength, -labels.LastFrame(0), 4 * labels.N]);
        var baseline = BaselineParameters.WriteUp;
        values.AddRange([baseline.D, baseline.B, baseline.C, baseline.Gamma1, baseline.Gamma2, AlgorithmicBaseline.WriteUpEndMargin]);
        var recipe = RunConfig.Preset("writeup");
        values.AddRange([recipe.Width, recipe.Height, recipe.Steps, recipe.Channels, recipe.Stride, recipe.Batches.BatchSize,
            recipe.Training.Epochs, recipe.Training.LearningRate]);
        values.AddRange([ClassWeights.WriteUp.Negative, ClassWeights.WriteUp.Positive]);
        return values;
    }

    [GeneratedRegex(@"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\w)")]
    private static partial Regex Number();

    [GeneratedRegex(@"^\s*#+\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s*$")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"(?i)\b(notebooks?|steps?|sections?|parts?|cells?|layers?|versions?|exercises?)\s+((\d+)(,\s*|\s+and\s+|\s+to\s+|\s*[-–…]\s*))*$")]
    private static partial Regex Reference();

    [GeneratedRegex(@"[*_]?[^\W\d][\w₀-₉′']{0,3}[*_]?\s*=\s*$")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"```.*?```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"\]\([^)]*\)")]
    private static partial Regex LinkTarget();

    [GeneratedRegex(@"<script.*?</script>", RegexOptions.Singleline)]
    private static partial Regex Script();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();
}
