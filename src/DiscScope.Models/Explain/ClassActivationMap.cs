namespace DiscScope.Models.Explain;

/// <summary>
/// Class activation maps from an exported DiscScope classifier, with no training framework at run time. The exported model
/// outputs, per head, "&lt;head&gt;_cam" [N, classes, h, w] = the head's linear weights applied as a 1x1 convolution to the last
/// feature map (Zhou et al. 2016, CAM). For a global-average-pooled linear head the class logit is exactly the spatial mean of
/// that map plus the bias, so this CAM equals Grad-CAM up to a positive scale (Selvaraju et al. 2017, eq. 1-2 with a GAP head).
/// </summary>
public static class ClassActivationMap
{
    /// <summary>
    /// The map of class <paramref name="classIndex"/> for batch item <paramref name="item"/>: ReLU, bilinear upsampling
    /// (align-corners false) to <paramref name="height"/> x <paramref name="width"/>, scaled to [0, 1] (all zero when nothing is positive).
    /// </summary>
    /// <param name="cam">A "&lt;head&gt;_cam" output [N, classes, h, w].</param>
    /// <param name="classIndex">Class whose evidence to map.</param>
    /// <param name="height">Output height in pixels (the network input height).</param>
    /// <param name="width">Output width in pixels.</param>
    /// <param name="item">Batch item.</param>
    public static float[] Compute(TensorData cam, int classIndex, int height, int width, int item = 0)
    {
        ArgumentNullException.ThrowIfNull(cam);
        if (cam.Rank != 4) throw new ArgumentException($"a CAM output is [N, classes, h, w], got {cam}", nameof(cam));
        int classes = cam.Shape[1], h = cam.Shape[2], w = cam.Shape[3];
        if (classIndex < 0 || classIndex >= classes) throw new ArgumentOutOfRangeException(nameof(classIndex));
        if (item < 0 || item >= cam.Shape[0]) throw new ArgumentOutOfRangeException(nameof(item));
        var src = cam.Data.AsSpan((item * classes + classIndex) * h * w, h * w);
        var o = ResizeBilinear(src, h, w, height, width);
        var max = 0f;
        for (var i = 0; i < o.Length; i++) { o[i] = Math.Max(o[i], 0f); max = Math.Max(max, o[i]); }
        if (max > 0) for (var i = 0; i < o.Length; i++) o[i] /= max;
        return o;
    }

    /// <summary>(row, column) of the largest value of a map of the given width.</summary>
    public static (int Row, int Column) Peak(ReadOnlySpan<float> map, int width)
    {
        var best = 0;
        for (var i = 1; i < map.Length; i++) if (map[i] > map[best]) best = i;
        return (best / width, best % width);
    }

    /// <summary>Bilinear resize with half-pixel centres (ONNX Resize coordinate_transformation_mode = half_pixel), edges clamped.</summary>
    public static float[] ResizeBilinear(ReadOnlySpan<float> src, int h, int w, int oh, int ow)
    {
        var o = new float[oh * ow];
        double sy = (double)h / oh, sx = (double)w / ow;
        for (var y = 0; y < oh; y++)
        {
            var fy = Math.Clamp((y + 0.5) * sy - 0.5, 0, h - 1);
            int y0 = (int)fy, y1 = Math.Min(y0 + 1, h - 1); var ty = fy - y0;
            for (var x = 0; x < ow; x++)
            {
                var fx = Math.Clamp((x + 0.5) * sx - 0.5, 0, w - 1);
                int x0 = (int)fx, x1 = Math.Min(x0 + 1, w - 1); var tx = fx - x0;
                var v = (1 - ty) * ((1 - tx) * src[y0 * w + x0] + tx * src[y0 * w + x1]) + ty * ((1 - tx) * src[y1 * w + x0] + tx * src[y1 * w + x1]);
                o[y * ow + x] = (float)v;
            }
        }
        return o;
    }
}
