using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FishKit.Notebooks.Runner;

namespace FishKit.Notebooks.Tests;

/// <summary>Reads what an executed notebook shows: its HTML outputs, the Plotly figures in them (as JSON) and its tables.</summary>
static partial class Outputs
{
    /// <summary>Every text/html output of every code cell, in order.</summary>
    public static List<string> Html(NotebookFile notebook) => Html(notebook.Cells.Where(c => NotebookFile.Type(c!) == "code")!);

    /// <summary>Every text/html output of <paramref name="cells"/> (code cells), in order.</summary>
    public static List<string> Html(IEnumerable<JsonNode> cells) =>
        cells.SelectMany(c => c["outputs"]!.AsArray())
            .Select(o => o!["data"]?["text/html"]?.GetValue<string>())
            .OfType<string>().ToList();

    /// <summary>Each output of <paramref name="cell"/> as text: its text/plain, a stream's text, or else its HTML.</summary>
    public static List<string> Texts(JsonNode cell) =>
        cell["outputs"]!.AsArray().Select(o => (o!["data"]?["text/plain"] ?? o["text"] ?? o["data"]?["text/html"])?.GetValue<string>() ?? "").ToList();

    /// <summary>
    /// The code cells of the notebook's section on the write-up's real tank: from the cell that reads the clone
    /// (<c>NotebookData.WriteUpLine(writeUp)</c>) to the next heading or the end.
    /// </summary>
    public static List<JsonNode> WriteUpSection(NotebookFile notebook)
    {
        var cells = notebook.Cells.Select(c => c!).SkipWhile(c => !NotebookFile.Source(c).Contains("NotebookData.WriteUpLine(writeUp)", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(cells);
        return cells.TakeWhile((c, i) => i == 0 || !(NotebookFile.Type(c) == "markdown" && NotebookFile.Source(c).StartsWith("## ", StringComparison.Ordinal)))
            .Where(c => NotebookFile.Type(c) == "code").ToList();
    }

    /// <summary>Every Plotly figure drawn by the notebook's outputs.</summary>
    public static List<JsonNode> Figures(NotebookFile notebook) => Figures(Html(notebook));

    /// <summary>Every Plotly figure drawn in <paramref name="html"/>.</summary>
    public static List<JsonNode> Figures(IEnumerable<string> html) =>
        html.SelectMany(h => FigureScript().Matches(h)).Select(m => JsonNode.Parse(m.Groups[1].Value)!).ToList();

    /// <summary>The figure's traces as (type, name).</summary>
    public static List<(string Type, string Name)> Traces(JsonNode figure) =>
        figure["data"]!.AsArray().Select(t => (t!["type"]!.GetValue<string>(), t["name"]?.GetValue<string>() ?? "")).ToList();

    /// <summary>The figure whose title starts with <paramref name="title"/>.</summary>
    public static JsonNode Titled(IEnumerable<JsonNode> figures, string title) =>
        figures.FirstOrDefault(f => f["layout"]?["title"]?["text"]?.GetValue<string>().StartsWith(title, StringComparison.Ordinal) == true)
        ?? throw new Xunit.Sdk.XunitException($"no chart titled '{title}...'; titles: {string.Join(" | ", figures.Select(f => f["layout"]?["title"]?["text"]?.GetValue<string>()))}");

    /// <summary>The header rows of the kit's tables (DataFrames and reports) in the outputs.</summary>
    public static List<List<string>> TableHeaders(NotebookFile notebook) => Tables(Html(notebook)).Select(t => t.Header).ToList();

    /// <summary>The body rows (cell texts) of the one table in <paramref name="html"/> whose header is <paramref name="header"/>.</summary>
    public static List<List<string>> TableRows(IEnumerable<string> html, params string[] header) =>
        Assert.Single(Tables(html), t => t.Header.SequenceEqual(header)).Rows;

    /// <summary>The kit's tables (DataFrames and reports) in <paramref name="html"/>: header and body rows, as text.</summary>
    static List<(List<string> Header, List<List<string>> Rows)> Tables(IEnumerable<string> html) =>
        html.SelectMany(h => Table().Matches(h))
            .Select(m => (Cells(m.Groups[1].Value), RowHtml().Matches(m.Groups[2].Value).Select(r => Cells(r.Groups[1].Value)).ToList())).ToList();

    static List<string> Cells(string row) => Cell().Matches(row).Select(c => System.Net.WebUtility.HtmlDecode(c.Groups[1].Value)).ToList();

    /// <summary>A figure's JSON as a chart builder makes it.</summary>
    public static JsonNode Figure(Plotly.NET.GenericChart chart) => JsonNode.Parse(Formatting.ChartHtml.FigureJson(chart))!;

    public static string Compact(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });

    [GeneratedRegex(@"var figure = (\{.*?\});\n", RegexOptions.Singleline)]
    private static partial Regex FigureScript();

    [GeneratedRegex(@"<table class=""fishkit-table""[^>]*>(?:<caption[^>]*>.*?</caption>)?<thead><tr>(.*?)</tr></thead><tbody>(.*?)</tbody></table>", RegexOptions.Singleline)]
    private static partial Regex Table();

    [GeneratedRegex(@"<tr>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowHtml();

    [GeneratedRegex(@"<t[hd][^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)]
    private static partial Regex Cell();
}
