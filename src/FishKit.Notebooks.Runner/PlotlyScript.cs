namespace FishKit.Notebooks.Runner;

/// <summary>
/// How executed notebooks carry plotly.js, as far as the report needs to know: the charts' library
/// (FishKit.Notebooks' <c>PlotlyJs</c>) marks its script element with <see cref="Marker"/>, embedded (Plotly.NET's own
/// copy) or from the CDN, and <see cref="HtmlReport"/> keeps one copy for a whole series without referencing the charts.
/// </summary>
public static class PlotlyScript
{
    /// <summary>The attribute that marks the plotly.js script element.</summary>
    public const string Marker = "data-fishkit-plotlyjs";

    /// <summary>The plotly.js version Plotly.NET 6.0.0 carries.</summary>
    public const string Version = "2.28.0";

    /// <summary>The CDN address of the same version.</summary>
    public const string CdnUrl = $"https://cdn.plot.ly/plotly-{Version}.min.js";

    /// <summary>The script element that loads plotly.js from its CDN.</summary>
    public const string CdnElement = $"<script {Marker}=\"cdn\" src=\"{CdnUrl}\"></script>";
}
