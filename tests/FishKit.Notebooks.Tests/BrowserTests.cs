using System.Diagnostics;
using System.Text.RegularExpressions;

namespace FishKit.Notebooks.Tests;

/// <summary>
/// The HTML report opened in headless Chromium with the network off: every chart must be drawn (plotly.js from the
/// page itself, nothing fetched). A screenshot is kept beside the report in artifacts/notebook-tests/.
/// </summary>
[Collection(NotebookSeriesCollection.Name)]
public class BrowserTests(NotebookSeries series)
{
    [Fact]
    public void The_report_draws_every_chart_offline_in_headless_chromium()
    {
        var report = series.Result.Report;
        var charts = Regex.Matches(File.ReadAllText(report), "class=\"fishkit-chart\"").Count;
        Assert.True(charts > 0);

        var dom = Chromium(report, "--dump-dom");
        // plotly.js draws each chart into a div with class "plot-container" holding its "main-svg" layers.
        Assert.Equal(charts, Regex.Matches(dom, "class=\"plot-container plotly\"").Count);
        Assert.True(Regex.Matches(dom, "class=\"main-svg\"").Count >= charts);
        Assert.DoesNotContain("fishkit-chart\">plotly.js is not loaded", dom);

        var screenshot = Path.Combine(series.Folder, "report.png");
        File.Delete(screenshot);
        Chromium(report, $"--screenshot={screenshot}", "--window-size=1100,3000");
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot is missing or empty");
    }

    /// <summary>Runs headless Chromium on a file with the network blocked; returns its standard output.</summary>
    static string Chromium(string file, params string[] extra)
    {
        var browser = new[] { "chromium", "chromium-browser", "google-chrome" }
            .Select(n => Environment.GetEnvironmentVariable("PATH")!.Split(':').Select(d => Path.Combine(d, n)).FirstOrDefault(File.Exists))
            .FirstOrDefault(p => p != null)
            ?? throw new Xunit.Sdk.XunitException("Chromium is not installed: apt-get install -y chromium (.ci/run installs it).");
        using var profile = new TempDir();
        var info = new ProcessStartInfo(browser)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in (string[])[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", $"--user-data-dir={profile.Path}",
            // the network is off: every connection goes to a closed local port and no name resolves
            "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
            "--virtual-time-budget=20000", .. extra, new Uri(file).AbsoluteUri])
            info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException("Chromium did not finish within 2 minutes.");
        }
        Assert.True(process.ExitCode == 0, $"Chromium exited with {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }
}
