using System.Globalization;
using FishKit.Frames;

namespace FishKit.Preprocessing;

/// <summary>A rectangle of the frame in pixels, its top-left corner at (X, Y): the tank region to keep.</summary>
public readonly record struct CropRegion(int X, int Y, int Width, int Height)
{
    /// <summary>The rectangle's size.</summary>
    public FrameSize Size => new(Width, Height);

    /// <summary>The whole frame of <paramref name="size"/>.</summary>
    public static CropRegion Whole(FrameSize size) => new(0, 0, size.Width, size.Height);

    /// <summary>Reads "x,y,w,h" (e.g. "10,5,300,230").</summary>
    public static CropRegion Parse(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new int[4];
        if (parts.Length != 4 || parts.Where((p, i) => !int.TryParse(p, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out values[i])).Any())
            throw FishKitException.Refusal($"{FishKitException.Say(Term.Crop)} '{text}' is not a rectangle; write it x,y,width,height in pixels, e.g. 10,5,300,230.", new(Parameter: Term.Crop, Value: text, Allowed: "x,y,width,height"));
        return new CropRegion(values[0], values[1], values[2], values[3]);
    }

    /// <summary>Throws a <see cref="FishKitException"/> unless the rectangle is non-empty and inside a frame of <paramref name="frame"/>.</summary>
    public void Check(FrameSize frame)
    {
        if (Width < 1 || Height < 1 || X < 0 || Y < 0 || (long)X + Width > frame.Width || (long)Y + Height > frame.Height)
            throw FishKitException.Refusal($"{FishKitException.Say(Term.Crop)} {this} is not inside the {frame} frames; give x,y >= 0, width and height >= 1, x+width <= {frame.Width}, y+height <= {frame.Height}.", new(Parameter: Term.Crop, Value: ToString(), Allowed: $"inside {frame}"));
    }

    public override string ToString() => $"{X},{Y},{Width},{Height}";
}
