using System.Buffers.Binary;
using FishKit.Ablation;
using FishKit.Frames;
using FishKit.IO;
using FishKit.Labeling;
using FishKit.Models;
using FishKit.Store;
using FishKit.Tests.Frames;
using FishKit.Tests.Reference;
using FishKit.Tests.Store;
using FishKit.Training;
using static TorchSharp.torch;

namespace FishKit.Tests.Fuzzing;

/// <summary>The readers the fuzzer tries, each with a valid file, its chunks and length fields, and what an accepted file must give.</summary>
public static class FuzzFormats
{
    /// <summary>
    /// A 32x24 gray PNG (hand-filtered, its image data in two IDAT chunks, a tEXt chunk before them) as frame 1 of three,
    /// packed into a frame store: an accepted frame must decode to exactly its pixels (every chunk has a CRC).
    /// </summary>
    public static FuzzFormat Png()
    {
        const int width = 32, height = 24;
        var gray = TestImages.Pattern(width, height, 1);
        var png = TestImages.HandFilteredPng(gray, width, height, row => (byte)(row % 5), idatChunks: 2, ("tEXt", "Title\0fish"u8.ToArray()));
        var chunks = new List<Range>();
        var fields = new List<Field>();
        for (int at = 8; at < png.Length; at += BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at)) + 12)
        {
            chunks.Add(new Range(at, at + BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at)) + 12));
            fields.Add(new Field(at, 4, BigEndian: true));
        }
        fields.Add(new Field(16, 4, BigEndian: true)); // width
        fields.Add(new Field(20, 4, BigEndian: true)); // height
        return new FuzzFormat("png", "00001.png", png, chunks, fields,
            Setup: folder =>
            {
                TestImages.SavePng(Path.Combine(folder, "00000.png"), TestImages.Pattern(width, height, 0), width, height);
                TestImages.SavePng(Path.Combine(folder, "00002.png"), TestImages.Pattern(width, height, 2), width, height);
            },
            Read: folder =>
            {
                var frames = FrameSequence.Open(folder);
                var store = Path.Combine(folder, "frames.fks");
                FramePacker.Pack(frames, store, frames.Size, maxParallelism: 1);
                using var packed = FrameStore.Open(store);
                Assert.True(packed.Frame(1).SequenceEqual(gray), "an accepted PNG decoded to other pixels");
                return ["frames.fks"];
            });
    }

    /// <summary>The reference y-tilde as float64 .npy, labelled into labels.npy.</summary>
    public static FuzzFormat Npy()
    {
        var npy = NpySeries.Float64(SignalReference.Load().Ytilde);
        int dataStart = 10 + BinaryPrimitives.ReadUInt16LittleEndian(npy.AsSpan(8));
        var header = System.Text.Encoding.ASCII.GetString(npy, 10, dataStart - 10);
        int shape = header.IndexOf("'shape': (", StringComparison.Ordinal) + 10;
        int digits = header.IndexOf(',', shape) - shape;
        return new FuzzFormat("npy", "ytilde.npy", npy,
            [new Range(0, dataStart), .. FuzzFormat.Blocks(npy[dataStart..], 64).Select(r => new Range(r.Start.Value + dataStart, r.End.Value + dataStart))],
            [new Field(8, 2), new Field(10 + shape, digits, Text: true)],
            folder => Label(folder, "ytilde.npy"));
    }

    /// <summary>The reference y-tilde as CSV, labelled into labels.npy.</summary>
    public static FuzzFormat Csv()
    {
        using var dir = new TempDir();
        Series.Write(dir["y.csv"], SignalReference.Load().Ytilde[..400], "ytilde");
        return FuzzFormat.Text("csv", "ytilde.csv", File.ReadAllText(dir["y.csv"]), folder => Label(folder, "ytilde.csv"));
    }

    static string[] Label(string folder, string name)
    {
        var labels = CalmBeforeBurstLabeler.Label(Series.Read(Path.Combine(folder, name)));
        Series.WriteLabels(Path.Combine(folder, "labels.npy"), labels, "label");
        return ["labels.npy"];
    }

    /// <summary>A frame store of 4 index-coded 16x12 frames: an accepted store must hold exactly those frames (it has a checksum).</summary>
    public static FuzzFormat FrameStoreFile()
    {
        var size = new FrameSize(16, 12);
        using var dir = new TempDir();
        TestStores.WriteIndexed(dir["s.fks"], 4, size);
        var bytes = File.ReadAllBytes(dir["s.fks"]);
        int dataOffset = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12)), info = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(40));
        int frame = (int)size.Pixels;
        Range[] chunks = [new(0, 44), new(44, 44 + info), .. Enumerable.Range(0, 4).Select(i => new Range(dataOffset + i * frame, dataOffset + (i + 1) * frame)), new(bytes.Length - 8, bytes.Length)];
        return new FuzzFormat("frame store", "frames.fks", bytes, chunks, [.. Enumerable.Range(2, 10).Select(i => new Field(4 * i, 4))],
            folder =>
            {
                using var store = FrameStore.Open(Path.Combine(folder, "frames.fks"));
                for (int i = 0; i < 4; i++) Assert.True(store.Frame(i).SequenceEqual(TestStores.Frame(i, size)), "an accepted store held other frames");
                return [];
            });
    }

    /// <summary>An ablation run record: an accepted one must be the record written (it carries a checksum).</summary>
    public static FuzzFormat RunRecordFile()
    {
        var history = new TrainingHistory();
        history.Epochs.Add(new EpochRecord(1, 0.61, 0.7, 0.58, 0.74, 0.05, 12.5, 40));
        history.Epochs.Add(new EpochRecord(2, 0.52, 0.8, 0.55, 0.79, 0.06, 12.1, 80));
        var record = new RunRecord(3, 2, new() { ["training.learningRate"] = "0.002" }, RunConfig.Teaching, new string('a', 64), null,
            new() { ["fishkit"] = "1.0.0.0", ["dotnet"] = "10.0.0" }, "2 cores, Unix", "cpu", 31.5, TrainingStatus.Completed, history, 119, 288, 0.81, 0.42);
        var json = record.ToJson();
        return FuzzFormat.Text("run record", "record.json", json, folder =>
        {
            Assert.Equal(json, RunRecord.Read(Path.Combine(folder, "record.json")).ToJson());
            return [];
        });
    }

    /// <summary>A run's recipe, run.json, as the user may write it.</summary>
    public static FuzzFormat RunConfigFile() =>
        FuzzFormat.Text("run config", "run.json", RunConfig.Teaching.ToJson(), folder =>
        {
            RunConfig.FromJson(File.ReadAllText(Path.Combine(folder, "run.json")), "run.json");
            return [];
        });

    /// <summary>An ablation grid with a named factor, a budget and two seeds, as the user writes it.</summary>
    public static FuzzFormat Grid() =>
        FuzzFormat.Text("grid", "grid.json", """
            {
              "preset": "teaching",
              "recipe": { "training": { "threads": 1 }, "steps": 8 },
              "data": { "train": "train", "validation": "validation" },
              "factors": {
                "training.learningRate": [0.002, 0.0002],
                "input": { "4 time channels": {}, "single frames": { "channels": 1, "model.inputChannels": 1, "steps": 32 } }
              },
              "seeds": [1, 2],
              "budget": { "epochs": 2, "maxBatchesPerEpoch": 20, "minutes": 0.5 }
            }

            """, folder =>
            {
                AblationGrid.Load(Path.Combine(folder, "grid.json"));
                return [];
            });

    /// <summary>
    /// A checkpoint of a one-filter ConvLSTM with its Adam state: every mutation must be refused (version 2 carries a
    /// hash of its content; one edited to claim version 1 has bytes after its content).
    /// </summary>
    public static FuzzFormat Checkpoint()
    {
        var config = new ConvLstmConfig { Filters = [1] };
        using var dir = new TempDir();
        using (var model = config.Create(1))
        using (var optimizer = optim.Adam(model.parameters()))
            FishKit.Training.Checkpoint.Save(dir["c.ckpt"], new CheckpointState(1, 0, 4, 0, [], [], new TrainingHistory(), config.ToJson()), model, optimizer);
        var bytes = File.ReadAllBytes(dir["c.ckpt"]);
        return new FuzzFormat("checkpoint", "last.ckpt", bytes, FuzzFormat.Blocks(bytes, 512),
            [new Field(0, 1), new Field(19, 4), new Field(23, 1), new Field(bytes.Length - 8, 4)],
            folder =>
            {
                using var model = config.Create(1);
                using var optimizer = optim.Adam(model.parameters());
                FishKit.Training.Checkpoint.Load(Path.Combine(folder, "last.ckpt"), model, config, optimizer);
                Assert.Fail("a damaged checkpoint was loaded");
                return [];
            });
    }
}
