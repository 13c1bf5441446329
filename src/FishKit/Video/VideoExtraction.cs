using FishKit.Frames;
using FishKit.IO;
using FishKit.Preprocessing;

namespace FishKit.Video;

/// <summary>
/// Decodes a video into a folder of 8-bit grayscale PNG frames 00000.png, 00001.png, ... with ffmpeg. ffmpeg decodes,
/// resamples the rate (fps filter), scales (area averaging) and converts to gray (full range), and writes raw gray
/// frames to its standard output; the kit cuts that stream into frames and encodes them as PNGs on every core
/// (<see cref="GrayPngEncoder"/>). Progress counts the frames received, so it is exact; its total is the expected count.
/// Cancelling kills ffmpeg. The folder is written under a temporary name and renamed when complete.
/// </summary>
public static partial class VideoExtraction
{
    /// <summary>ffmpeg's messages kept for the report; the rest are only counted.</summary>
    const int KeptMessages = 5;

    /// <summary>
    /// Extracts the frames of <paramref name="source"/> (see <see cref="VideoProbe.Probe"/>) into <paramref name="folder"/>
    /// (refused when it holds files, unless <paramref name="force"/>). Reports (frames written, frames expected).
    /// </summary>
    public static ExtractedFrames Extract(VideoInfo source, string folder, ExtractOptions? options = null, bool force = false,
        IProgress<(long Done, long Total)>? progress = null, CancellationToken cancellationToken = default, FfmpegTools? tools = null)
    {
        var plan = Plan.Of(source, options ?? new ExtractOptions());
        ExtractedFrames? result = null;
        AtomicFile.WriteDirectory(folder, force, temp =>
        {
            var (frames, messages, count) = plan.Decode(folder, progress, cancellationToken, tools, () => PngWriter(temp, folder, plan.Size));
            result = new ExtractedFrames(folder, frames, plan.Size, plan.Rate, messages, count);
            DecodeErrors.Check(source, result, options?.AllowDecodeErrors ?? false, temp);
        });
        return result!;
    }

    /// <summary>
    /// Extracts the frames of <paramref name="source"/> and preprocesses them (<see cref="FramePreprocessor"/>) into
    /// <paramref name="folder"/>, streaming: ffmpeg decodes the video twice, and its raw gray frames go straight from its
    /// output to the kit, with no raw frame files. The first pass counts the frames and keeps the background's sample
    /// (at most <see cref="PreprocessOptions.BackgroundFrames"/> frames, in a hidden file beside the folder, deleted at the
    /// end; once more when the video's stated frame count was not the true one); the second maps, encodes and writes every
    /// frame on the thread that reads ffmpeg (which keeps up: ffmpeg's decoding is the slower side). The result is the same, byte for byte, as <see cref="Extract"/> followed by
    /// <see cref="FramePreprocessor.Write"/>. Progress runs over both passes (twice the frames in all).
    /// The returned extraction names <paramref name="folder"/>, where the preprocessed frames are.
    /// </summary>
    public static (ExtractedFrames Raw, PreprocessedFrames Frames) ExtractPreprocessed(VideoInfo source, string folder,
        ExtractOptions? extract = null, PreprocessOptions? preprocess = null, bool force = false,
        IProgress<(long Done, long Total)>? progress = null, CancellationToken cancellationToken = default, FfmpegTools? tools = null)
    {
        preprocess ??= PreprocessOptions.Default;
        preprocess.Validate();
        var plan = Plan.Of(source, extract ?? new ExtractOptions());
        TankRegion.Create(plan.Size, preprocess.Crop, preprocess.MaskPath); // refuse a bad crop or mask before decoding
        FramePreprocessor.RefuseNonEmpty(folder, force);
        using var sampleFile = OpenSampleFile(folder);
        long frameBytes = plan.Size.Pixels;

        // Pass 1: count the frames and keep the sample the count implies (guessed from the stated count, checked after).
        int[] guess = plan.Expected >= preprocess.MinimumFrames && plan.Expected <= int.MaxValue ? BackgroundModel.SampleIndices((int)plan.Expected, preprocess) : [];
        int count = KeepSample(guess, progress is null ? null : new Phase(progress, 0));
        if (count < preprocess.MinimumFrames)
            throw FishKitException.Refusal($"'{source.Path}' gave {count} frame(s); a background estimate needs at least {preprocess.MinimumFrames}: " +
                $"take a longer span ({FishKitException.Say(Term.Start)}, {FishKitException.Say(Term.Duration)}) or more frames per second ({FishKitException.Say(Term.Fps)}).", new(File: source.Path));
        var samples = BackgroundModel.SampleIndices(count, preprocess);
        if (!samples.SequenceEqual(guess) && KeepSample(samples, null) != count)
            throw new FishKitException($"'{source.Path}' gave a different number of frames on a second reading; make sure the file is not being written, then try again.");
        var slots = Slots(samples);
        var model = BackgroundModel.Estimate(plan.Size, samples, (index, gray) => RandomAccess.Read(sampleFile, gray, slots[index] * frameBytes), preprocess, cancellationToken);

        // Pass 2: every frame mapped, encoded and written into the folder's temporary twin, on the thread that reads
        // ffmpeg: that work (~0.1 ms a frame plus a file creation) is a ninth of ffmpeg's decoding, so one thread keeps up,
        // and workers waiting on a queue for ffmpeg only cost CPU (tests/FishKit.Benchmarks/README.md).
        (ExtractedFrames, PreprocessedFrames)? result = null;
        AtomicFile.WriteDirectory(folder, force, temp =>
        {
            var (frames, messages, messageCount) = plan.Decode(folder, progress is null ? null : new Phase(progress, count), cancellationToken, tools,
                () => new FramePreprocessor.FrameWriter(model, temp, folder).Write, inline: true);
            if (frames != count)
                throw new FishKitException($"'{source.Path}' gave {frames} frames on the second reading and {count} on the first; make sure the file is not being written, then try again.");
            FramePreprocessor.WriteRecord(temp, frames, plan.Size, model, preprocess);
            var raw = new ExtractedFrames(folder, frames, plan.Size, plan.Rate, messages, messageCount);
            DecodeErrors.Check(source, raw, extract?.AllowDecodeErrors ?? false, temp);
            result = (raw, new PreprocessedFrames(folder, frames, model.Size, model));
        });
        return result!.Value;

        int KeepSample(int[] indices, IProgress<(long Done, long Total)>? report)
        {
            var slotOf = Slots(indices);
            return plan.Decode(folder, report, cancellationToken, tools, () => (index, pixels) =>
            {
                if (slotOf.TryGetValue(index, out long slot)) RandomAccess.Write(sampleFile, pixels, slot * frameBytes);
            }, inline: true).Frames;
        }
    }
}
