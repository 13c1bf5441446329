using Microsoft.Data.Analysis;

namespace FishKit.Notebooks.Formatting;

/// <summary>A DataFrame as an HTML table (first rows only for long frames), numbers formatted for reading.</summary>
public static class DataFrameHtml
{
    /// <summary>Rows shown before the table is cut.</summary>
    public const int MaxRows = 40;

    /// <summary>The table for <paramref name="frame"/>.</summary>
    public static string Of(DataFrame frame)
    {
        var header = frame.Columns.Select(c => c.Name).ToList();
        long shown = Math.Min(frame.Rows.Count, MaxRows);
        var rows = new List<IReadOnlyList<string>>();
        for (long r = 0; r < shown; r++)
            rows.Add(frame.Columns.Select(c => HtmlText.Cell(c[r])).ToList());
        var table = HtmlText.Table(header, rows);
        return frame.Rows.Count > shown
            ? table + $"<div style=\"color:#59636e;font-size:0.85em\">{shown} of {frame.Rows.Count:N0} rows shown</div>"
            : table;
    }
}
