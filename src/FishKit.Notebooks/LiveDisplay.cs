using System.Diagnostics;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace FishKit.Notebooks;

/// <summary>
/// A display that later code updates in place with <see cref="DisplayedValue.Update"/>. Use it instead of <c>display(x)</c>
/// for anything you will update: in .NET Interactive 1.0.0-beta.26120 the DisplayedValue that <c>display</c> returns
/// announces the value under one id and sends its updates under another, so frontends (and the headless runner) never
/// apply them. Here the value is announced under the id its updates use.
/// </summary>
public static class LiveDisplay
{
    /// <summary>Shows <paramref name="value"/> now (as HTML where it has an HTML formatter) and returns the handle to update it; null outside a notebook kernel.</summary>
    public static DisplayedValue? Show(object value)
    {
        if (KernelInvocationContext.Current is not { } context) return null;
        var formatted = FormattedValue.CreateManyFromObject(value);
        var shown = new DisplayedValue(value, formatted);
        context.Publish(new DisplayedValueProduced(value, context.Command, formatted, shown.DisplayId));
        return shown;
    }
}

/// <summary>
/// A live display (<see cref="LiveDisplay"/>) for progress reports: updated in place at most every interval, and always
/// when an update is forced (say at the end of an epoch). Outside a notebook kernel there is nothing to update.
/// </summary>
public sealed class ThrottledDisplay
{
    readonly DisplayedValue? shown;
    readonly TimeSpan interval;
    readonly Stopwatch clock = Stopwatch.StartNew();
    TimeSpan? last;

    /// <summary>Shows <paramref name="initial"/> now; later updates at most every <paramref name="interval"/>.</summary>
    public ThrottledDisplay(object initial, TimeSpan interval)
    {
        shown = LiveDisplay.Show(initial);
        this.interval = interval;
    }

    /// <summary>Whether a notebook shows it (false outside a notebook kernel).</summary>
    public bool Shown => shown is not null;

    /// <summary>Replaces the display with <paramref name="view"/>'s value when forced or when the interval has passed.</summary>
    public void Update(Func<object> view, bool force)
    {
        if (shown is null) return;
        var now = clock.Elapsed;
        if (!force && last is { } l && now - l < interval) return;
        last = now;
        shown.Update(view());
    }
}
