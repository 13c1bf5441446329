using FishKit.Notebooks.Formatting;
using FishKit.Torch;

namespace FishKit.Notebooks;

/// <summary>What the setup cell did: the kit's version, how TorchSharp was loaded, the data folder, the mode; it displays the plotly.js script too.</summary>
/// <param name="Kit">The kit's assembly version.</param>
/// <param name="Torch">How TorchSharp's natives were loaded.</param>
/// <param name="Data">The data folder (or why there is none).</param>
/// <param name="Quick">Quick mode.</param>
/// <param name="Plotly">Where plotly.js comes from.</param>
public sealed record SetupSummary(string Kit, TorchNativeSetup Torch, string Data, bool Quick, PlotlyJsSource Plotly)
{
    /// <summary>The plotly.js script element followed by a one-line summary.</summary>
    public string ToHtml() =>
        PlotlyJs.Element(Plotly)
        + $"<div style=\"color:#59636e;font-size:0.9em\">FishKit {HtmlText.Encode(Kit)} · TorchSharp: {HtmlText.Encode(Torch.Kind.ToString())}"
        + $" · data: <code>{HtmlText.Encode(Data)}</code> · {(Quick ? "quick mode (training shortened)" : "full mode")} · plotly.js {PlotlyJs.Version} {(Plotly == PlotlyJsSource.Embedded ? "embedded (offline)" : "from CDN")}</div>";

    public override string ToString() =>
        $"FishKit {Kit}; TorchSharp {Torch.Kind}; data {Data}; {(Quick ? "quick" : "full")} mode; plotly.js {Plotly}";
}
