namespace DiscScope.Models.Inference;

/// <summary>
/// Runs a dense per-pixel predictor ([N, C, th, tw] -> [N, K, th, tw]) over an image of any size: pads images smaller than a tile
/// (edge replication), tiles with overlap, blends overlapping predictions, and crops back. Model-agnostic: the predictor is any function
/// (an <see cref="Onnx.OnnxModel"/> call, a test stub).
/// </summary>
public static class SlidingWindow
{
    /// <summary>Predicts [K, H, W] for an image [C, H, W].</summary>
    /// <param name="image">Channel-first image, row-major.</param>
    /// <param name="predictor">Batch predictor; receives a [N, C, th, tw] tensor and returns [N, K, th, tw].</param>
    /// <param name="options">Tile size, overlap, blending and batch size.</param>
    public static TensorData Run(TensorData image, Func<TensorData, TensorData> predictor, TileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(predictor);
        var o = options ?? new TileOptions();
        if (image.Rank != 3) throw new ArgumentException($"image must be [C, H, W], is {image}", nameof(image));
        if (o.Overlap is < 0 or > 0.9) throw new ArgumentOutOfRangeException(nameof(options), "overlap must lie in 0 .. 0.9");
        int c = image.Shape[0], h = image.Shape[1], w = image.Shape[2], th = o.TileHeight, tw = o.TileWidth;
        int ph = Math.Max(h, th), pw = Math.Max(w, tw);
        var padded = ph == h && pw == w ? image.Data : PadEdge(image.Data, c, h, w, ph, pw);
        var ys = Starts(ph, th, o.Overlap);
        var xs = Starts(pw, tw, o.Overlap);
        var weight = TileWeight(th, tw, o.GaussianWeighting);
        float[]? acc = null; var norm = new float[ph * pw]; var k = 0;
        var tiles = (from y in ys from x in xs select (y, x)).ToList();
        for (var b0 = 0; b0 < tiles.Count; b0 += Math.Max(1, o.BatchSize))
        {
            var batch = tiles.Skip(b0).Take(Math.Max(1, o.BatchSize)).ToList();
            var input = new float[batch.Count * c * th * tw];
            for (var n = 0; n < batch.Count; n++)
                for (var ch = 0; ch < c; ch++)
                    for (var yy = 0; yy < th; yy++)
                        Array.Copy(padded, (ch * ph + batch[n].y + yy) * pw + batch[n].x, input, ((n * c + ch) * th + yy) * tw, tw);
            var pred = predictor(new TensorData(input, batch.Count, c, th, tw));
            if (pred.Rank != 4 || pred.Shape[0] != batch.Count || pred.Shape[2] != th || pred.Shape[3] != tw)
                throw new ArgumentException($"predictor returned {pred} for {batch.Count} tiles of {th} x {tw}");
            if (acc is null) { k = pred.Shape[1]; acc = new float[k * ph * pw]; }
            for (var n = 0; n < batch.Count; n++)
            {
                var (y0, x0) = batch[n];
                for (var yy = 0; yy < th; yy++)
                    for (var xx = 0; xx < tw; xx++)
                    {
                        var wt = weight[yy * tw + xx];
                        var dst = (y0 + yy) * pw + x0 + xx;
                        norm[dst] += wt;
                        for (var ch = 0; ch < k; ch++) acc[ch * ph * pw + dst] += wt * pred.Data[((n * k + ch) * th + yy) * tw + xx];
                    }
            }
        }
        var result = new float[k * h * w];
        for (var ch = 0; ch < k; ch++)
            for (var y = 0; y < h; y++)
                for (var x = 0; x < w; x++)
                    result[(ch * h + y) * w + x] = acc![ch * ph * pw + y * pw + x] / norm[y * pw + x];
        return new TensorData(result, k, h, w);
    }

    /// <summary>Tile origins along one axis: evenly spread, the first at 0 and the last flush with the end.</summary>
    public static int[] Starts(int size, int tile, double overlap)
    {
        if (size <= tile) return [0];
        var step = Math.Max(1, (int)Math.Floor(tile * (1 - overlap)));
        var n = (int)Math.Ceiling((size - tile) / (double)step) + 1;
        var s = new int[n];
        for (var i = 0; i < n; i++) s[i] = (int)Math.Round(i * (size - tile) / (double)(n - 1));
        return s;
    }

    private static float[] TileWeight(int th, int tw, bool gaussian)
    {
        var wgt = new float[th * tw];
        double sy = th / 8.0, sx = tw / 8.0, cy = (th - 1) / 2.0, cx = (tw - 1) / 2.0;
        for (var y = 0; y < th; y++)
            for (var x = 0; x < tw; x++)
                wgt[y * tw + x] = gaussian
                    ? (float)Math.Max(Math.Exp(-0.5 * ((y - cy) * (y - cy) / (sy * sy) + (x - cx) * (x - cx) / (sx * sx))), 1e-3)
                    : 1f;
        return wgt;
    }

    private static float[] PadEdge(float[] src, int c, int h, int w, int ph, int pw)
    {
        var dst = new float[c * ph * pw];
        for (var ch = 0; ch < c; ch++)
            for (var y = 0; y < ph; y++)
                for (var x = 0; x < pw; x++)
                    dst[(ch * ph + y) * pw + x] = src[(ch * h + Math.Min(y, h - 1)) * w + Math.Min(x, w - 1)];
        return dst;
    }
}
