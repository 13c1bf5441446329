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
