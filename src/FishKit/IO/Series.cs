using FishKit.Errors;

namespace FishKit.IO;

/// <summary>
/// Reads and writes the kit's 1-D per-frame series (y-tilde, labels, scores) as <c>.npy</c> or <c>.csv</c>, chosen by
/// the file's extension. Writes are atomic (<see cref="AtomicFile"/>). Every problem is a <see cref="FishKitException"/>
/// naming the file (and line or frame) and what was found.
/// </summary>
public static class Series
{
    /// <summary>The values of the series at <paramref name="path"/> (.npy of a supported dtype, or .csv), as doubles.</summary>
    public static double[] Read(string path) => FormatOf(path) == Format.Npy
        ? ReadNpy(path).Values
        : Reading(path, () =>
        {
            using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
            return CsvSeries.Read(reader, path);
        });

    /// <summary>The values of the .npy series at <paramref name="path"/> as doubles, and numpy's name of the dtype they were stored in (e.g. <c>float64</c>).</summary>
    public static (double[] Values, string DType) ReadNpy(string path)
    {
        if (FormatOf(path) != Format.Npy) throw new FishKitException($"'{path}' is not a .npy file; give the .npy file.");
        return Reading(path, () => NpySeries.Read(File.ReadAllBytes(path), path));
    }

    /// <summary>Runs <paramref name="read"/> on a regular file, turning a missing or unreadable <paramref name="path"/> into a <see cref="FishKitException"/> naming it.</summary>
    internal static T Reading<T>(string path, Func<T> read, string what = "series")
    {
        RegularFile.Check(path, what);
        try
        {
            return read();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FishKitException($"'{path}' not found; check the path.", e);
        }
        catch (Exception e) when (FileErrors.IsFileError(e))
        {
            throw FileErrors.Reading(path, e);
        }
    }

    /// <summary>
    /// The 0/1 labels at <paramref name="path"/> (true = positive). Values other than 0 and 1 (e.g. 2, 0.5, NaN)
    /// throw naming the first such frame.
    /// </summary>
    public static bool[] ReadLabels(string path)
    {
        var values = Read(path);
        var labels = new bool[values.Length];
        for (int frame = 0; frame < values.Length; frame++)
            labels[frame] = values[frame] switch
            {
                0 => false,
                1 => true,
                var v => throw new FishKitException($"'{path}' frame {frame}: label {v} is not 0 or 1; labels must be 0 or 1."),
            };
        return labels;
    }

    /// <summary>
    /// Writes <paramref name="values"/> to <paramref name="path"/>: .npy as float64 (<c>&lt;f8</c>, shape (N,)), or .csv
    /// with the header <c>frame,&lt;name&gt;</c>. Nothing appears under <paramref name="path"/> until the file is complete.
    /// </summary>
    public static void Write(string path, ReadOnlySpan<double> values, string name)
    {
        if (FormatOf(path) == Format.Npy)
        {
            var bytes = NpySeries.Float64(values);
            AtomicFile.Write(path, s => s.Write(bytes));
        }
        else
        {
            var copy = values.ToArray();
            WriteCsv(path, w => CsvSeries.Write(w, copy, name));
        }
    }

    /// <summary>
    /// Writes 0/1 labels: .npy as numpy bool (<c>|b1</c>: one byte per frame; <c>np.load</c> gives a bool array that
    /// scikit-learn and <c>sum()</c> take as 0/1), or .csv with values 0 and 1.
    /// </summary>
    public static void WriteLabels(string path, ReadOnlySpan<bool> labels, string name)
    {
        if (FormatOf(path) == Format.Npy)
        {
            var bytes = NpySeries.Bool(labels);
            AtomicFile.Write(path, s => s.Write(bytes));
        }
        else
        {
            var values = new double[labels.Length];
            for (int i = 0; i < labels.Length; i++) values[i] = labels[i] ? 1 : 0;
            WriteCsv(path, w => CsvSeries.Write(w, values, name));
        }
    }

    /// <summary>Whether <paramref name="path"/> names a series file (.npy or .csv) rather than, say, a folder of frames or a frame store.</summary>
    public static bool IsSeriesPath(string path) => Path.GetExtension(path).ToLowerInvariant() is ".npy" or ".csv";

    enum Format { Npy, Csv }

    static Format FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".npy" => Format.Npy,
        ".csv" => Format.Csv,
        var ext => throw new FishKitException(
            $"'{path}': unknown series format '{(ext.Length == 0 ? "(no extension)" : ext)}'; use a .npy or .csv file."),
    };

    static void WriteCsv(string path, Action<TextWriter> write)
    {
        AtomicFile.Write(path, s =>
        {
            using var writer = new StreamWriter(s, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
            write(writer);
        });
    }
}
