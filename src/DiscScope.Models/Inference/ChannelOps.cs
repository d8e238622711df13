namespace DiscScope.Models.Inference;

/// <summary>Per-pixel operations across the channel axis of a channel-first map [C, H, W] (or [C, N] of any spatial size).</summary>
public static class ChannelOps
{
    /// <summary>Softmax over channels at every pixel: p_c = exp(z_c - max) / sum exp(z_k - max). Returns a new [C, pixels] buffer.</summary>
    public static float[] Softmax(ReadOnlySpan<float> logits, int channels)
    {
        var n = Pixels(logits.Length, channels);
        var p = new float[logits.Length];
        for (var i = 0; i < n; i++)
        {
            var max = float.NegativeInfinity;
            for (var c = 0; c < channels; c++) max = Math.Max(max, logits[c * n + i]);
            double sum = 0;
            for (var c = 0; c < channels; c++) { var e = Math.Exp(logits[c * n + i] - max); p[c * n + i] = (float)e; sum += e; }
            var inv = 1 / sum;
            for (var c = 0; c < channels; c++) p[c * n + i] = (float)(p[c * n + i] * inv);
        }
        return p;
    }

    /// <summary>Index of the largest channel at every pixel (first on ties): a label map of length pixels.</summary>
    public static byte[] Argmax(ReadOnlySpan<float> scores, int channels)
    {
        if (channels > 256) throw new ArgumentOutOfRangeException(nameof(channels), "at most 256 classes fit a byte label map");
        var n = Pixels(scores.Length, channels);
        var labels = new byte[n];
        for (var i = 0; i < n; i++)
        {
            int best = 0; var bv = scores[i];
            for (var c = 1; c < channels; c++) if (scores[c * n + i] > bv) { bv = scores[c * n + i]; best = c; }
            labels[i] = (byte)best;
        }
        return labels;
    }

    /// <summary>Logistic sigmoid of every value: 1 / (1 + exp(-z)).</summary>
    public static float[] Sigmoid(ReadOnlySpan<float> logits)
    {
        var o = new float[logits.Length];
        for (var i = 0; i < o.Length; i++) o[i] = (float)(1 / (1 + Math.Exp(-logits[i])));
        return o;
    }

    private static int Pixels(int length, int channels)
    {
        if (channels <= 0 || length % channels != 0) throw new ArgumentException($"{length} values do not split into {channels} channels");
        return length / channels;
    }
}
