using System.Globalization;
using FishKit.Models;
using FishKit.Notebooks.Charting;
using FishKit.Pipeline;
using Plotly.NET;
using static FishKit.Notebooks.Charting.ChartBuilder;

namespace FishKit.Notebooks;

/// <summary>The charts of the write-up's own data: its y-tilde over the whole video, and a trained ConvLSTM's input kernels.</summary>
public static partial class Charts
{
    /// <summary>Keras' gate order in a ConvLSTM's kernels.</summary>
    static readonly string[] Gates = ["i", "f", "c", "o"];

    /// <summary>
    /// y-tilde of consecutive splits (e.g. the write-up's train, validation and test) over the whole video, frames numbered
    /// from its start, one colour per split. Values are drawn to 7 decimals (y-tilde is about 1e-3), which keeps a
    /// 30-minute video's chart near a megabyte.
    /// </summary>
    public static GenericChart YTildeOverVideo(IReadOnlyList<SplitSignals> splits)
    {
        int total = splits.Sum(s => s.Frames);
        var figure = new ChartBuilder(string.Create(CultureInfo.InvariantCulture, $"y-tilde over the whole video ({total:N0} frames, {total / 30.0 / 60:F1} min at 30 fps)"),
            "frame of the video", "y-tilde (mean |ΔX| per pixel)");
        int start = 0;
        for (int i = 0; i < splits.Count; i++)
        {
            var s = splits[i];
            figure.Add(Line(s.Frames), ("name", $"{s.Split} ({s.Frames:N0} frames)"), ("x", Enumerable.Range(start, s.Frames).ToArray()),
                ("y", s.YTilde.Select(v => Math.Round(v, 7)).ToArray()), ("mode", "lines"), ("line", Obj(("color", Palette[i % Palette.Length]), ("width", 1))));
            start += s.Frames;
        }
        return figure.Chart();
    }

    /// <summary>
    /// The input kernels W of <paramref name="model"/>'s first ConvLSTM as one heatmap: a column of 3x3 (k x k) blocks per
    /// filter, a row of blocks per gate (i, f, c, o) and input channel (the step's frames in time order), weights on a
    /// colour scale from blue (negative) through white (0) to red (positive).
    /// </summary>
    public static GenericChart InputKernels(string title, ConvLstmClassifier model)
    {
        var cell = model.named_modules().Select(m => m.module).OfType<ConvLstm>().First().Cell;
        using var kernel = cell.named_parameters().Single(p => p.name == "kernel").parameter.detach().cpu();
        var w = kernel.data<float>().ToArray(); // (4F, C, k, k)
        int f = cell.Filters, c = cell.InputChannels, k = cell.Kernel, rows = Gates.Length * c * (k + 1) - 1, columns = f * (k + 1) - 1;
        var z = Enumerable.Range(0, rows).Select(_ => new double?[columns]).ToArray();
        var text = Enumerable.Range(0, rows).Select(_ => new string?[columns]).ToArray();
        for (int g = 0; g < Gates.Length; g++)
            for (int filter = 0; filter < f; filter++)
                for (int channel = 0; channel < c; channel++)
                    for (int y = 0; y < k; y++)
                        for (int x = 0; x < k; x++)
                        {
                            int row = (g * c + channel) * (k + 1) + y, column = filter * (k + 1) + x;
                            double value = w[(((g * f + filter) * c + channel) * k + y) * k + x];
                            z[row][column] = value;
                            text[row][column] = string.Create(CultureInfo.InvariantCulture, $"gate {Gates[g]}, filter {filter + 1}, frame {channel + 1} of {c}, ({y}, {x}): {value:G4}");
                        }
        var rowNames = Enumerable.Range(0, Gates.Length * c).Select(r => $"{Gates[r / c]} · frame {r % c + 1}").ToArray();
        return new ChartBuilder(title, "filter", "gate · input frame", 760)
            .Add("heatmap", ("name", "input kernel weights"), ("z", z), ("text", text), ("hovertemplate", "%{text}<extra></extra>"),
                ("colorscale", new object[] { new object[] { 0, "#2166ac" }, new object[] { 0.5, "#f7f7f7" }, new object[] { 1, "#b2182b" } }), ("zmid", 0.0))
            .Axis("xaxis", ("tickvals", Enumerable.Range(0, f).Select(i => i * (k + 1) + (k - 1) / 2.0).ToArray()),
                ("ticktext", Enumerable.Range(1, f).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray()), ("showgrid", false), ("constrain", "domain"))
            .Axis("yaxis", ("tickvals", Enumerable.Range(0, rowNames.Length).Select(r => r * (k + 1) + (k - 1) / 2.0).ToArray()), ("ticktext", rowNames),
                ("autorange", "reversed"), ("scaleanchor", "x"), ("showgrid", false), ("constrain", "domain"))
            .Chart();
    }
}
