using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FishKit.Notebooks.Formatting;
using Markdig;

namespace FishKit.Notebooks.Runner;

/// <summary>
/// One self-contained HTML page for a series of executed notebooks: Markdown rendered, code shown, outputs embedded
/// (HTML as is, text as text, images inline), and plotly.js included once in the head so every chart renders offline.
/// </summary>
public static partial class HtmlReport
{
    static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>
    /// The page for <paramref name="notebooks"/>, in order; <paramref name="path"/>, the series' README.md (learning path,
    /// times, sessions) when there is one, is its first section.
    /// </summary>
    public static string Build(string title, IEnumerable<NotebookFile> notebooks, bool quick, string? path = null)
    {
        var list = notebooks.ToList();
        var body = new StringBuilder();
        var toc = new StringBuilder("<nav><ol>");
        bool anyCdn = false;
        if (path is not null)
        {
            toc.Append("<li><a href=\"#path\">the path through the series</a></li>");
            body.Append("<section class=\"notebook\" id=\"path\"><div class=\"md\">").Append(Markdig.Markdown.ToHtml(path, Markdown)).Append("</div></section>\n");
        }
        for (int n = 0; n < list.Count; n++)
        {
            var notebook = list[n];
            var name = Path.GetFileNameWithoutExtension(notebook.Path);
            toc.Append($"<li><a href=\"#nb-{n + 1}\">{Encode(name)}</a></li>");
            body.Append($"<section class=\"notebook\" id=\"nb-{n + 1}\"><div class=\"nbname\">{Encode(name)}.ipynb</div>\n");
            foreach (var cell in notebook.Cells)
            {
                var source = NotebookFile.Source(cell!);
                switch (NotebookFile.Type(cell!))
                {
                    case "markdown":
                        body.Append("<div class=\"md\">").Append(Markdig.Markdown.ToHtml(source, Markdown)).Append("</div>\n");
                        break;
                    case "code":
                        body.Append($"<div class=\"cell\"><pre class=\"code\"><code>{Encode(source)}</code></pre>\n");
                        foreach (var output in cell!["outputs"] as JsonArray ?? [])
                            body.Append(Output(output!, ref anyCdn));
                        body.Append("</div>\n");
                        break;
                }
            }
            body.Append("</section>\n");
        }
        toc.Append("</ol></nav>");
        var plotly = PlotlyJs.Element(anyCdn ? PlotlyJsSource.Cdn : PlotlyJsSource.Embedded);
        var mode = quick ? "quick mode (training shortened)" : "full mode";
        return $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{Encode(title)}</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>{Style}</style>
            {plotly}
            </head><body><main>
            <h1 class="title">{Encode(title)}</h1>
            <p class="meta">Executed {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC in {mode}; {list.Count} notebooks. Charts are interactive and work offline.</p>
            {toc}
            {body}
            </main></body></html>
            """;
    }

    static string Output(JsonNode output, ref bool anyCdn)
    {
        switch (output["output_type"]?.GetValue<string>())
        {
            case "stream":
                return $"<pre class=\"out {output["name"]}\">{Encode(Text(output["text"]))}</pre>\n";
            case "error":
                return $"<pre class=\"out error\">{Encode(output["ename"] + ": " + output["evalue"])}</pre>\n";
            case "display_data" or "execute_result":
                var data = output["data"] as JsonObject ?? [];
                if (data["text/html"] is { } html)
                {
                    var text = Text(html);
                    anyCdn |= text.Contains($"{PlotlyJs.Marker}=\"cdn\"", StringComparison.Ordinal);
                    return $"<div class=\"out html\">{PlotlyScript().Replace(text, "")}</div>\n";
                }
                if (data["image/png"] is { } png)
                    return $"<div class=\"out\"><img src=\"data:image/png;base64,{Text(png).Trim()}\"></div>\n";
                if (data["text/markdown"] is { } md)
                    return $"<div class=\"out md\">{Markdig.Markdown.ToHtml(Text(md), Markdown)}</div>\n";
                if (data["text/plain"] is { } plain)
                    return $"<pre class=\"out\">{Encode(Text(plain))}</pre>\n";
                return "";
            default:
                return "";
        }
    }

    static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>() ?? "")),
        JsonValue v => v.GetValue<string>(),
        _ => "",
    };

    static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>The plotly.js script elements notebooks carry (one per notebook); the report has its own in the head.</summary>
    [GeneratedRegex("<script " + PlotlyJs.Marker + "=\"[a-z]+\"[^>]*>.*?</script>", RegexOptions.Singleline)]
    private static partial Regex PlotlyScript();

    const string Style = """
        body { font-family: -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #1f2328; background: #fff; margin: 0; }
        main { max-width: 980px; margin: 0 auto; padding: 24px 28px 80px; line-height: 1.55; }
        h1.title { font-size: 2em; margin-bottom: 0.2em; }
        p.meta { color: #59636e; margin-top: 0; }
        nav ol { columns: 2; padding-left: 1.4em; }
        section.notebook { border-top: 3px solid #0969da; margin-top: 40px; padding-top: 8px; }
        .nbname { font-family: ui-monospace, Menlo, Consolas, monospace; color: #59636e; font-size: 0.85em; }
        .md table { border-collapse: collapse; } .md td, .md th { border: 1px solid #d0d7de; padding: 3px 8px; }
        .cell { margin: 14px 0; }
        pre.code { background: #f6f8fa; border-left: 3px solid #0969da; padding: 8px 12px; overflow-x: auto; font-size: 0.86em; margin: 0; }
        pre.out { padding: 6px 12px; margin: 4px 0 0; overflow-x: auto; font-size: 0.86em; white-space: pre-wrap; }
        pre.out.stderr, pre.out.error { background: #fff0f0; color: #b00020; }
        div.out { margin: 6px 0 0; overflow-x: auto; }
        div.out table { border-collapse: collapse; font-size: 0.88em; }
        div.out th, div.out td { border: 1px solid #d0d7de; padding: 3px 8px; text-align: right; }
        div.out th { background: #f6f8fa; }
        code { font-family: ui-monospace, Menlo, Consolas, monospace; }
        """;
}
