using System.Globalization;

namespace FishKit.Frames;

/// <summary>The kit's frame file names: 00000.png, 00001.png, ... (five digits, more past 99,999; natural order keeps them in time order).</summary>
public static class FrameFileName
{
    /// <summary>The PNG file name of frame <paramref name="index"/>.</summary>
    public static string Png(int index) => index.ToString("D5", CultureInfo.InvariantCulture) + ".png";
}
