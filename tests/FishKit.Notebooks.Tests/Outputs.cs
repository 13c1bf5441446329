using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FishKit.Notebooks.Runner;

namespace FishKit.Notebooks.Tests;

/// <summary>Reads what an executed notebook shows: its HTML outputs, the Plotly figures in them (as JSON) and its tables.</summary>
static partial class Outputs
{
    /// <summary>Every text/html output of every code cell, in order.</summary>
    public static List<string> Html(NotebookFile notebook) =>
        notebook.Cells.Where(c => NotebookFile.Type(c!) == "code")
            .SelectMany(c => c!["outputs"]!.AsArray())
            .Select(o => o!["data"]?["text/html"]?.GetValue<string>())
            .OfType<string>().ToList();

    /// <summary>Every Plotly figure drawn by the notebook's outputs.</summary>
    public static List<JsonNode> Figures(NotebookFile notebook) =>
        Html(notebook).SelectMany(h => FigureScript().Matches(h)).Select(m => JsonNode.Parse(m.Groups[1].Value)!).ToList();

    /// <summary>The figure's traces as (type, name).</summary>
    public static List<(string Type, string Name)> Traces(JsonNode figure) =>
        figure["data"]!.AsArray().Select(t => (t!["type"]!.GetValue<string>(), t["name"]?.GetValue<string>() ?? "")).ToList();

    /// <summary>The figure whose title starts with <paramref name="title"/>.</summary>
    public static JsonNode Titled(IEnumerable<JsonNode> figures, string title) =>
        figures.FirstOrDefault(f => f["layout"]?["title"]?["text"]?.GetValue<string>().StartsWith(title, StringComparison.Ordinal) == true)
        ?? throw new Xunit.Sdk.XunitException($"no chart titled '{title}...'; titles: {string.Join(" | ", figures.Select(f => f["layout"]?["title"]?["text"]?.GetValue<string>()))}");

    /// <summary>The header rows of the kit's tables (DataFrames and reports) in the outputs.</summary>
    public static List<List<string>> TableHeaders(NotebookFile notebook) =>
        Html(notebook).SelectMany(h => TableHead().Matches(h))
            .Select(m => HeaderCell().Matches(m.Groups[1].Value).Select(c => System.Net.WebUtility.HtmlDecode(c.Groups[1].Value)).ToList()).ToList();

    /// <summary>A figure's JSON as a chart builder makes it.</summary>
    public static JsonNode Figure(Plotly.NET.GenericChart chart) => JsonNode.Parse(Formatting.ChartHtml.FigureJson(chart))!;

    public static string Compact(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });

    [GeneratedRegex(@"var figure = (\{.*?\});\n", RegexOptions.Singleline)]
    private static partial Regex FigureScript();

    [GeneratedRegex(@"<table class=""fishkit-table""[^>]*>(?:<caption[^>]*>.*?</caption>)?<thead><tr>(.*?)</tr></thead>", RegexOptions.Singleline)]
    private static partial Regex TableHead();

    [GeneratedRegex(@"<th>(.*?)</th>", RegexOptions.Singleline)]
    private static partial Regex HeaderCell();
}
