namespace DiscScope.Training.DiscGrading;

/// <summary>Translates a multi-channel crop by whole pixels; pixels shifted in from outside are 0, like the crop's own outside-slice pixels.</summary>
public static class CropShift
{
    /// <param name="image">Channel-major crop: <paramref name="channels"/> planes of <paramref name="height"/> x <paramref name="width"/>.</param>
    /// <param name="channels">Number of planes.</param>
    /// <param name="height">Rows per plane.</param>
    /// <param name="width">Columns per plane.</param>
    /// <param name="dx">Columns to move the content right (negative: left).</param>
    /// <param name="dy">Rows to move the content down (negative: up).</param>
    /// <returns>A new array; output(r, c) = input(r - dy, c - dx).</returns>
    public static float[] Shift(ReadOnlySpan<float> image, int channels, int height, int width, int dx, int dy)
    {
        if (channels <= 0 || height <= 0 || width <= 0) throw new ArgumentException("crop dimensions must be positive");
        if (image.Length != channels * height * width) throw new ArgumentException($"crop has {image.Length} values, expected {channels}x{height}x{width}");
        var result = new float[image.Length];
        int c0 = Math.Max(0, dx), c1 = Math.Min(width, width + dx);
        if (c1 <= c0) return result;
        for (var ch = 0; ch < channels; ch++)
        {
            var plane = ch * height * width;
            for (var r = Math.Max(0, dy); r < Math.Min(height, height + dy); r++)
                image.Slice(plane + (r - dy) * width + (c0 - dx), c1 - c0).CopyTo(result.AsSpan(plane + r * width + c0, c1 - c0));
        }
        return result;
    }
}
