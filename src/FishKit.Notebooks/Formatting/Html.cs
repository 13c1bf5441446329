using System.Globalization;
using System.Net;
using System.Text;
using FishKit.Evaluation;

namespace FishKit.Notebooks.Formatting;

/// <summary>Small HTML helpers for the formatters: encoding, numbers as the tables show them, a table from rows.</summary>
static class HtmlText
{
    /// <summary>Four significant digits: how tables show a number.</summary>
    const string CellFormat = "G4";

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A value as a table shows it: doubles with 4 significant digits, integers with thousands separators.</summary>
    public static string Cell(object? value) => value switch
    {
        null => "",
        double d when double.IsNaN(d) => "",
        double d => d.ToString(Math.Abs(d) >= 1e5 ? "N0" : CellFormat, CultureInfo.InvariantCulture),
        float f => Cell((double)f),
        int or long => Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString("N0", CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>A threshold as a table shows it: "predict none" where it flags no frame, else as <see cref="Cell"/> shows a number.</summary>
    public static string Threshold(double threshold, double tpr, double fpr) =>
        OperatingPoints.ThresholdText(threshold, tpr, fpr, CellFormat);

    /// <summary>A table with a header row and body rows (cells already formatted text).</summary>
    public static string Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, string? caption = null, string? css = null)
    {
        var sb = new StringBuilder($"<table class=\"fishkit-table\"{(css == null ? "" : $" style=\"{css}\"")}>");
        if (caption != null) sb.Append($"<caption style=\"caption-side:top;text-align:left;font-weight:600\">{Encode(caption)}</caption>");
        sb.Append("<thead><tr>");
        foreach (var h in header) sb.Append($"<th>{Encode(h)}</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            sb.Append("<tr>");
            for (int i = 0; i < row.Count; i++) sb.Append(i == 0 ? $"<th style=\"text-align:left\">{Encode(row[i])}</th>" : $"<td>{Encode(row[i])}</td>");
            sb.Append("</tr>");
        }
        return sb.Append("</tbody></table>").ToString();
    }
}
