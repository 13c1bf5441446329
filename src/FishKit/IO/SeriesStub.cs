using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace FishKit.IO;

// TODO(lead): replace with FishKit.IO.Series — this temporary stub only lets the frames branch build and test
// `fishkit ytilde`; delete this file when merging the IO helper's Series (same signature: Write(path, values, name)).
/// <summary>Temporary stand-in for FishKit.IO.Series (float64 .npy of shape (N,), or .csv with header frame,name).</summary>
public static class Series
{
    public static void Write(string path, ReadOnlySpan<double> values, string name)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension == ".csv")
        {
            var text = new StringBuilder($"frame,{name}\n");
            for (int i = 0; i < values.Length; i++) text.Append(CultureInfo.InvariantCulture, $"{i},{values[i]:R}\n");
            AtomicFile.WriteText(path, text.ToString());
        }
        else if (extension == ".npy")
        {
            var header = $"{{'descr': '<f8', 'fortran_order': False, 'shape': ({values.Length},), }}";
            header = header.PadRight(64 * ((header.Length + 11) / 64 + 1) - 11) + "\n";
            var bytes = new byte[10 + header.Length + 8 * values.Length];
            bytes[0] = 0x93;
            "NUMPY"u8.CopyTo(bytes.AsSpan(1));
            bytes[6] = 1;
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)header.Length);
            Encoding.ASCII.GetBytes(header, bytes.AsSpan(10));
            for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(10 + header.Length + 8 * i), values[i]);
            AtomicFile.Write(path, s => s.Write(bytes));
        }
        else
        {
            throw new FishKitException($"output '{path}' must end in .npy or .csv.");
        }
    }
}
