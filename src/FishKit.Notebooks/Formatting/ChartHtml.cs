using Newtonsoft.Json;
using Plotly.NET;

namespace FishKit.Notebooks.Formatting;

/// <summary>
/// A chart as notebook HTML: one div and a script that draws it with the page's plotly.js (see <see cref="PlotlyJs"/>),
/// waiting briefly for it if the script element that defines it is still loading.
/// </summary>
public static class ChartHtml
{
    static long counter;

    /// <summary>The chart's figure as plotly.js JSON: {"data": [...], "layout": {...}, ...}.</summary>
    public static string FigureJson(GenericChart chart) => GenericChart.toFigureJson(chart);

    /// <summary>The chart's div and drawing script.</summary>
    public static string Of(GenericChart chart)
    {
        var id = $"fishkit-chart-{Environment.ProcessId:x}-{Interlocked.Increment(ref counter)}";
        var config = JsonConvert.SerializeObject(GenericChart.getConfig(chart));
        return $$"""
            <div id="{{id}}" class="fishkit-chart"></div>
            <script type="text/javascript">
            (function () {
              var figure = {{FigureJson(chart)}};
              var draw = function () { Plotly.newPlot('{{id}}', figure.data, figure.layout, {{config}}); };
              if (window.Plotly) { draw(); return; }
              var tries = 0, wait = setInterval(function () {
                if (window.Plotly) { clearInterval(wait); draw(); }
                else if (++tries > 200) { clearInterval(wait); document.getElementById('{{id}}').textContent = 'plotly.js is not loaded here: run the notebook\'s first cell (NotebookSetup.Start()).'; }
              }, 50);
            })();
            </script>
            """;
    }
}
