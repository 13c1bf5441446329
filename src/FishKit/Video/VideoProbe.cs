using System.Globalization;
using System.Text.Json;
using FishKit.Frames;

namespace FishKit.Video;

/// <summary>
/// Reads a video's frame rate, size, duration and frame count with ffprobe (its JSON output, parsed with System.Text.Json).
/// The first video stream that is not a cover picture is the one the kit decodes. A missing file, a file ffmpeg cannot
/// read, a single still image and a file without a video stream are each refused with one line.
/// </summary>
public static class VideoProbe
{
    /// <summary>Probes <paramref name="path"/> with <paramref name="tools"/>' ffprobe (default: on the PATH).</summary>
    public static VideoInfo Probe(string path, FfmpegTools? tools = null, CancellationToken cancellationToken = default)
    {
        if (Directory.Exists(path))
            throw new FishKitException($"'{path}' is a folder; give a video file (.mp4, .avi, .mov, ...).");
        if (!File.Exists(path))
            throw new FishKitException($"video '{path}' does not exist.");
        if (new FileInfo(path).Length == 0)
            throw new FishKitException($"video '{path}' is empty (0 bytes); copy it again from the camera.");
        var (exitCode, json, error) = Run((tools ?? FfmpegTools.OnPath).Ffprobe, path, cancellationToken);
        if (exitCode != 0)
            throw new FishKitException($"'{path}' is not a video ffmpeg can read ({FfmpegTools.Reason(error, path)}); give an .mp4, .avi, .mov or another video file, or re-copy a damaged one.");
        try
        {
            return Parse(path, json);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new FishKitException($"ffprobe's description of '{path}' could not be read ({e.Message}); check that ffprobe works: ffprobe '{path}'.", e);
        }
    }

    static (int ExitCode, string Json, string Error) Run(string ffprobe, string path, CancellationToken cancellationToken)
    {
        string[] arguments =
        [
            "-v", "error", "-of", "json",
            "-show_entries", "stream=index,codec_type,codec_name,width,height,r_frame_rate,avg_frame_rate,nb_frames,duration" +
                             ":stream_disposition=attached_pic:stream_side_data=rotation:format=format_name,duration",
            FfmpegTools.FileUrl(path),
        ];
        using var process = FfmpegTools.Start(ffprobe, arguments);
        using var kill = cancellationToken.Register(() => FfmpegTools.Kill(process));
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        string json = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        cancellationToken.ThrowIfCancellationRequested();
        return (process.ExitCode, json, error.Result);
    }

    static VideoInfo Parse(string path, string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var format = root.TryGetProperty("format", out var f) ? f : default;
        string container = format.ValueKind == JsonValueKind.Object && format.TryGetProperty("format_name", out var name) ? name.GetString() ?? "?" : "?";
        var streams = root.TryGetProperty("streams", out var s) ? s.EnumerateArray().ToArray() : [];
        var video = streams.FirstOrDefault(x => Text(x, "codec_type") == "video" && !IsCoverPicture(x));
        if (video.ValueKind != JsonValueKind.Object)
        {
            string what = streams.Length == 0 ? "no streams at all" : "only " + string.Join(", ", streams.Select(x => Text(x, "codec_type") ?? "unknown").Distinct()) + " streams";
            throw new FishKitException($"'{path}' has no video stream ({what}); if it is a video, it is truncated or damaged (copy it again), otherwise give a video file with a picture.");
        }
        if (container.EndsWith("_pipe", StringComparison.Ordinal) || container == "image2")
            throw new FishKitException($"'{path}' is a still image ({container}), not a video; put frames in a folder named 00000.png, 00001.png, ... and use the folder directly.");

        int width = video.GetProperty("width").GetInt32(), height = video.GetProperty("height").GetInt32();
        if (width <= 0 || height <= 0)
            throw new FishKitException($"'{path}' states a picture of {width}x{height}; the video is damaged or its codec is not supported by this ffmpeg.");
        if (IsQuarterTurn(video)) (width, height) = (height, width);

        double fps = Rate(Text(video, "avg_frame_rate")) ?? Rate(Text(video, "r_frame_rate"))
            ?? throw FishKitException.Refusal($"'{path}' states no frame rate; give one with {FishKitException.Say(Term.Fps)}.", new(File: path, Parameter: Term.Fps));
        double? duration = Number(Text(video, "duration")) ?? (format.ValueKind == JsonValueKind.Object ? Number(Text(format, "duration")) : null);
        long? stated = long.TryParse(Text(video, "nb_frames"), NumberStyles.None, CultureInfo.InvariantCulture, out long n) && n > 0 ? n : null;
        long? count = stated ?? (duration is { } d ? (long)Math.Round(d * fps) : null);
        return new VideoInfo(path, container, Text(video, "codec_name") ?? "?", video.GetProperty("index").GetInt32(),
            new FrameSize(width, height), fps, duration, count, stated is not null);
    }

    static bool IsCoverPicture(JsonElement stream) =>
        stream.TryGetProperty("disposition", out var d) && d.TryGetProperty("attached_pic", out var a) && a.ValueKind == JsonValueKind.Number && a.GetInt32() == 1;

    /// <summary>A display rotation of 90 or 270 degrees (ffmpeg turns such frames upright when decoding).</summary>
    static bool IsQuarterTurn(JsonElement stream)
    {
        if (!stream.TryGetProperty("side_data_list", out var list)) return false;
        foreach (var item in list.EnumerateArray())
            if (item.TryGetProperty("rotation", out var r) && r.ValueKind == JsonValueKind.Number)
                return Math.Abs(Math.Round(r.GetDouble() / 90)) % 2 == 1;
        return false;
    }

    static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText() : null;

    /// <summary>A positive rate such as "30000/1001" or "30", else null (ffprobe writes "0/0" for unknown).</summary>
    static double? Rate(string? text)
    {
        if (text is null) return null;
        var parts = text.Split('/');
        if (!double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double numerator)) return null;
        double denominator = 1;
        if (parts.Length == 2 && !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out denominator)) return null;
        double rate = numerator / denominator;
        return double.IsFinite(rate) && rate > 0 ? rate : null;
    }

    static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) && value > 0 ? value : null;
}
