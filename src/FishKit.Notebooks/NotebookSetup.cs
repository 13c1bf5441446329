using System.Reflection;
using FishKit.Notebooks.Formatting;
using FishKit.Notebooks.Setup;
using FishKit.Torch;

namespace FishKit.Notebooks;

/// <summary>
/// What every notebook's first cell calls after <c>TorchRuntime.EnsureLoaded()</c>: bridges FSharp.Core for Plotly.NET,
/// registers the kit's formatters, and returns a summary whose display puts plotly.js on the page once (embedded, so
/// charts work offline; <see cref="PlotlyJs.Source"/> or <c>FISHKIT_PLOTLYJS=cdn</c> switches to the CDN). Safe to run again.
/// </summary>
public static class NotebookSetup
{
    /// <summary>Prepares this kernel for the kit's notebooks; idempotent.</summary>
    public static SetupSummary Start()
    {
        FSharpCoreBridge.Install(); // before anything loads Plotly.NET
        var torch = TorchRuntime.EnsureLoaded();
        KitFormatters.Register();
        string data;
        try { data = NotebookData.Folder; }
        catch (FishKitException e) { data = e.Message; }
        var version = typeof(TorchRuntime).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "?";
        return new SetupSummary(version, torch, data, NotebookMode.Quick, PlotlyJs.Source);
    }
}
