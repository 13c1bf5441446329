using FishKit.Notebooks.Runner;

namespace FishKit.Notebooks.Formatting;

/// <summary>Where notebooks get plotly.js from.</summary>
public enum PlotlyJsSource
{
    /// <summary>Embedded once per notebook from Plotly.NET's own copy (works offline; the default).</summary>
    Embedded,

    /// <summary>Loaded from plotly's CDN (smaller notebooks; needs internet to show charts).</summary>
    Cdn,
}

/// <summary>
/// The plotly.js script a notebook needs once, before its first chart: the copy Plotly.NET carries as an embedded
/// resource (so charts render offline), or a CDN reference. The script is marked with <see cref="Marker"/> so the HTML
/// report can keep one copy for all notebooks.
/// </summary>
public static class PlotlyJs
{
    /// <summary>The attribute that marks the plotly.js script element.</summary>
    public const string Marker = PlotlyScript.Marker;

    /// <summary>The plotly.js version Plotly.NET 6.0.0 carries.</summary>
    public const string Version = PlotlyScript.Version;

    /// <summary>The CDN address of the same version.</summary>
    public const string CdnUrl = PlotlyScript.CdnUrl;

    static readonly Lazy<string> script = new(LoadEmbedded);

    /// <summary>The source chosen by <c>FISHKIT_PLOTLYJS</c> ("cdn" for the CDN), embedded by default; settable in a notebook.</summary>
    public static PlotlyJsSource Source { get; set; } =
        string.Equals(Environment.GetEnvironmentVariable(NotebookMode.PlotlyVariable), "cdn", StringComparison.OrdinalIgnoreCase)
            ? PlotlyJsSource.Cdn : PlotlyJsSource.Embedded;

    /// <summary>plotly.js itself (minified, ~3.6 MB), read from Plotly.NET's resources.</summary>
    public static string Script => script.Value;

    /// <summary>
    /// The script element for <paramref name="source"/>. The embedded copy runs with AMD/CommonJS hidden, so that it
    /// defines <c>window.Plotly</c> even in pages that load require.js (classic Jupyter).
    /// </summary>
    public static string Element(PlotlyJsSource source) => source switch
    {
        PlotlyJsSource.Cdn => PlotlyScript.CdnElement,
        _ => $"<script {Marker}=\"embedded\" type=\"text/javascript\">(function(define, module, exports){{\n{Script}\n}}).call(window);</script>",
    };

    static string LoadEmbedded()
    {
        var assembly = typeof(Plotly.NET.GenericChart).Assembly;
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith(".min.js", StringComparison.Ordinal) && n.Contains("plotly-", StringComparison.Ordinal))
            ?? throw new FishKitException($"Plotly.NET {assembly.GetName().Version} carries no plotly.js resource; set {NotebookMode.PlotlyVariable}=cdn to load it from the internet.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        // Inside an HTML <script> element the text "</script" would end it early; "<\/" means the same to JavaScript.
        return reader.ReadToEnd().Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
    }
}
