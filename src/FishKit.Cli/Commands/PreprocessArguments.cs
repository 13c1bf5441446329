using System.CommandLine;
using FishKit.Preprocessing;

namespace FishKit.Cli.Commands;

/// <summary>The preprocessing options shared by <c>fishkit preprocess</c> and <c>fishkit frames extract --preprocess</c>.</summary>
sealed class PreprocessArguments
{
    readonly Option<string?> crop = new("--crop") { Description = "Keep only this rectangle of the frames (the tank): x,y,width,height in pixels, e.g. 10,5,300,230." };
    readonly Option<string?> mask = new("--mask") { Description = "PNG of the frames' size: white (non-zero) inside the tank, black outside; outside becomes 0." };
    readonly Option<string> polarity = new Option<string>("--polarity")
    {
        Description = "Fish darker than the tank (dark), brighter (bright), or decided from the footage (auto).",
        DefaultValueFactory = _ => "auto",
    }.AcceptOnlyFromAmong("auto", "dark", "bright");
    readonly Option<double> noiseSigmas = new("--noise-sigmas")
    {
        Description = "Deviations up to this many noise sigmas from the background become black.",
        DefaultValueFactory = _ => PreprocessOptions.Default.NoiseSigmas,
    };
    readonly Option<double> whitePercentile = new("--white-percentile")
    {
        Description = "Percentile of the fish's deviations that becomes white (255).",
        DefaultValueFactory = _ => PreprocessOptions.Default.WhitePercentile,
    };
    readonly Option<int> backgroundFrames = new("--background-frames")
    {
        Description = "Most frames sampled (evenly spread) for the background median.",
        DefaultValueFactory = _ => PreprocessOptions.Default.BackgroundFrames,
    };

    Option[] All => [crop, mask, polarity, noiseSigmas, whitePercentile, backgroundFrames];

    /// <summary>Adds the options to <paramref name="command"/>, their descriptions ending with <paramref name="note"/> when given.</summary>
    public void AddTo(Command command, string? note = null)
    {
        foreach (var option in All)
        {
            if (note is not null) option.Description += " " + note;
            command.Options.Add(option);
        }
    }

    /// <summary>The names of the options given on the command line (not left to their defaults).</summary>
    public IEnumerable<string> Given(ParseResult parse) => All.Where(o => parse.GetResult(o) is { Implicit: false }).Select(o => o.Name);

    /// <summary>The options as given on the command line.</summary>
    public PreprocessOptions Read(ParseResult parse) => PreprocessOptions.Default with
    {
        Crop = parse.GetValue(crop) is { } text ? CropRegion.Parse(text) : null,
        MaskPath = parse.GetValue(mask),
        Polarity = parse.GetValue(polarity) switch
        {
            "dark" => FishPolarity.DarkFish,
            "bright" => FishPolarity.BrightFish,
            _ => FishPolarity.Auto,
        },
        NoiseSigmas = parse.GetValue(noiseSigmas),
        WhitePercentile = parse.GetValue(whitePercentile),
        BackgroundFrames = parse.GetValue(backgroundFrames),
    };
}
