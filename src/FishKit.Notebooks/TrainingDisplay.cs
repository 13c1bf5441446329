using System.Diagnostics;
using System.Globalization;
using FishKit.Notebooks.Formatting;
using FishKit.Training;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Formatting;

namespace FishKit.Notebooks;

/// <summary>
/// Live training progress in a notebook: ONE display, updated in place (a progress bar, the running loss, and each
/// finished epoch's losses and AUCs), instead of a wall of lines. Pass it as the trainer's progress.
/// Outside a notebook it prints one line per finished epoch.
/// </summary>
public sealed class TrainingDisplay : IProgress<TrainingProgress>
{
    readonly string title;
    readonly Stopwatch clock = Stopwatch.StartNew();
    readonly List<EpochRecord> epochs = [];
    readonly ThrottledDisplay shown;
    TrainingProgress? latest;

    TrainingDisplay(string title, TimeSpan interval)
    {
        this.title = title;
        shown = new ThrottledDisplay(View, interval);
    }

    /// <summary>Shows an empty progress display now; updates come through <see cref="Report"/>, at most every <paramref name="seconds"/>.</summary>
    public static TrainingDisplay Show(string title, double seconds = 0.5) => new(title, TimeSpan.FromSeconds(seconds));

    /// <summary>The current state as a value the notebook formats.</summary>
    public TrainingView View => new(title, latest, [.. epochs], clock.Elapsed);

    /// <summary>Updates (in place) after every finished epoch, and during an epoch at most every interval.</summary>
    public void Report(TrainingProgress value)
    {
        latest = value;
        if (value.Finished is { } record)
        {
            epochs.Add(record);
            if (!shown.Shown) Console.WriteLine(View.EpochLine(record));
        }
        shown.Update(() => View, force: value.Finished is not null);
    }
}

/// <summary>A snapshot of a training run for display: where it is, the running loss, and the finished epochs.</summary>
/// <param name="Title">What is being trained.</param>
/// <param name="Latest">The latest progress event (null before the first step).</param>
/// <param name="Epochs">Finished epochs.</param>
/// <param name="Elapsed">Time since the display was shown.</param>
public sealed record TrainingView(string Title, TrainingProgress? Latest, IReadOnlyList<EpochRecord> Epochs, TimeSpan Elapsed)
{
    /// <summary>Fraction of all steps done, 0..1.</summary>
    public double Done => Latest is not { } p || p.Batches == 0 ? 0
        : Math.Clamp(((p.Epoch - 1) + (double)p.Batch / p.Batches) / p.Epochs, 0, 1);

    /// <summary>A progress bar, a status line and the finished epochs' table.</summary>
    public string ToHtml()
    {
        var status = Latest is { } p
            ? $"epoch {p.Epoch}/{p.Epochs} · batch {p.Batch}/{p.Batches} · running loss {p.Loss.ToString("F4", CultureInfo.InvariantCulture)} · {Elapsed.TotalSeconds:F0} s"
            : "starting…";
        var rows = Epochs.Select(e => (IReadOnlyList<string>)[e.Epoch.ToString(CultureInfo.InvariantCulture), HtmlText.Cell(e.TrainLoss), HtmlText.Cell(e.TrainAuc), HtmlText.Cell(e.ValidationLoss), HtmlText.Cell(e.ValidationAuc), HtmlText.Cell(e.Seconds)]);
        return "<div class=\"fishkit-training\">"
            + $"<div style=\"font-weight:600\">{HtmlText.Encode(Title)}</div>"
            + $"<div style=\"background:#eaeef2;border-radius:4px;height:10px;width:100%;max-width:520px\"><div style=\"background:#0969da;border-radius:4px;height:10px;width:{(Done * 100).ToString("F1", CultureInfo.InvariantCulture)}%\"></div></div>"
            + $"<div style=\"font-size:0.9em;color:#59636e\">{HtmlText.Encode(status)}</div>"
            + (Epochs.Count == 0 ? "" : HtmlText.Table(["epoch", "train loss", "train AUC", "validation loss", "validation AUC", "seconds"], rows))
            + "</div>";
    }

    /// <summary>One finished epoch as a line of text.</summary>
    public string EpochLine(EpochRecord e) =>
        string.Create(CultureInfo.InvariantCulture, $"{Title}: epoch {e.Epoch}: train loss {e.TrainLoss:F4}, validation loss {e.ValidationLoss:F4}, validation AUC {e.ValidationAuc:F3} ({e.Seconds:F1} s)");

    public override string ToString() => Latest is { } p
        ? string.Create(CultureInfo.InvariantCulture, $"{Title}: epoch {p.Epoch}/{p.Epochs}, batch {p.Batch}/{p.Batches}, loss {p.Loss:F4}")
        : $"{Title}: starting";
}
