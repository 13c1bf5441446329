using DynamicObj;
using Microsoft.FSharp.Collections;
using Plotly.NET;

namespace FishKit.Notebooks.Charting;

/// <summary>
/// Builds Plotly.NET charts from plotly.js's own attribute names (<c>type</c>, <c>x</c>, <c>y</c>, <c>mode</c>, <c>fill</c>,
/// <c>xaxis</c>, ...), so the JSON a chart produces reads like plotly.js's documentation and tests can assert on it.
/// </summary>
sealed class ChartBuilder
{
    readonly List<Trace> traces = [];
    readonly Layout layout = new();

    public ChartBuilder(string title, string xTitle, string yTitle, int height = 380)
    {
        layout.SetProperty("title", Obj(("text", title)));
        layout.SetProperty("xaxis", Obj(("title", Obj(("text", xTitle)))));
        layout.SetProperty("yaxis", Obj(("title", Obj(("text", yTitle)))));
        layout.SetProperty("height", height);
        layout.SetProperty("margin", Obj(("l", 60), ("r", 30), ("t", 50), ("b", 50)));
        layout.SetProperty("template", "plotly_white");
        layout.SetProperty("legend", Obj(("orientation", "h"), ("y", -0.2)));
    }

    /// <summary>Adds a trace of <paramref name="type"/> with its attributes.</summary>
    public ChartBuilder Add(string type, params (string Key, object? Value)[] attributes)
    {
        var trace = new Trace2D(type);
        foreach (var (key, value) in attributes)
            if (value is not null) trace.SetProperty(key, value);
        traces.Add(trace);
        return this;
    }

    /// <summary>Sets a layout attribute (e.g. "yaxis2", "shapes", "annotations").</summary>
    public ChartBuilder Layout(string key, object value)
    {
        layout.SetProperty(key, value);
        return this;
    }

    /// <summary>Merges attributes into a layout object such as "xaxis".</summary>
    public ChartBuilder Axis(string axis, params (string Key, object? Value)[] attributes)
    {
        var target = layout.TryGetPropertyValue(axis) is { } existing && existing.Value is Dictionary<string, object?> d ? d : [];
        foreach (var (key, value) in attributes) target[key] = value;
        layout.SetProperty(axis, target);
        return this;
    }

    /// <summary>The chart.</summary>
    public GenericChart Chart()
    {
        var config = new Config();
        config.SetProperty("responsive", true);
        config.SetProperty("displaylogo", false);
        return GenericChart.NewMultiChart(ListModule.OfSeq(traces), layout, config, new DisplayOptions());
    }

    /// <summary>A plotly.js object literal.</summary>
    public static Dictionary<string, object?> Obj(params (string Key, object? Value)[] attributes) =>
        attributes.Where(a => a.Value is not null).ToDictionary(a => a.Key, a => a.Value);
}
