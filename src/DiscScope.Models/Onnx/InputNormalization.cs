using System.Text.Json.Serialization;

namespace DiscScope.Models.Onnx;

/// <summary>How raw intensities become network input, stored with the model so inference repeats what training did.</summary>
/// <param name="Method">"zscore" (per image: (x - mean) / std, after clipping to the percentiles), "minmax" (to [0, 1]), or "none".</param>
/// <param name="LowerPercentile">Clip below this percentile (0..100) before normalising; 0 = no clip.</param>
/// <param name="UpperPercentile">Clip above this percentile (0..100) before normalising; 100 = no clip.</param>
/// <param name="PixelSpacingMm">In-plane spacing in mm the images were resampled to before training; null when not resampled.</param>
public sealed record InputNormalization(
    [property: JsonPropertyName("method")] string Method = "zscore",
    [property: JsonPropertyName("lower_percentile")] double LowerPercentile = 0.5,
    [property: JsonPropertyName("upper_percentile")] double UpperPercentile = 99.5,
    [property: JsonPropertyName("pixel_spacing_mm")] double? PixelSpacingMm = null)
{
    /// <summary>Applies the normalisation in place to one channel's values.</summary>
    public void Apply(Span<float> values)
    {
        if (values.IsEmpty || Method == "none") return;
        var sorted = values.ToArray();
        Array.Sort(sorted);
        float Pct(double p) => sorted[(int)Math.Clamp(Math.Round(p / 100.0 * (sorted.Length - 1)), 0, sorted.Length - 1)];
        float lo = LowerPercentile > 0 ? Pct(LowerPercentile) : sorted[0], hi = UpperPercentile < 100 ? Pct(UpperPercentile) : sorted[^1];
        for (var i = 0; i < values.Length; i++) values[i] = Math.Clamp(values[i], lo, hi);
        switch (Method)
        {
            case "zscore":
            {
                double sum = 0, sq = 0;
                foreach (var v in values) { sum += v; sq += (double)v * v; }
                var mean = sum / values.Length;
                var std = Math.Sqrt(Math.Max(sq / values.Length - mean * mean, 0));
                var inv = std > 1e-12 ? 1 / std : 1;
                for (var i = 0; i < values.Length; i++) values[i] = (float)((values[i] - mean) * inv);
                break;
            }
            case "minmax":
            {
                var range = hi - lo;
                for (var i = 0; i < values.Length; i++) values[i] = range > 0 ? (values[i] - lo) / range : 0f;
                break;
            }
            default: throw new InvalidOperationException($"unknown input normalisation '{Method}' (zscore, minmax, none)");
        }
    }
}
