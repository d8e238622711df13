using DiscScope.Training.Architectures;
using DiscScope.Training.Augmentation;
using static TorchSharp.torch;

namespace DiscScope.Training.Trainers;

/// <summary>
/// Landmark heatmap regression with a <see cref="HeatmapNet"/>: each landmark becomes a Gaussian target map (peak 1, sigma =
/// <see cref="HeatmapOptions.Sigma"/> pixels; all zero when absent); loss = binary cross-entropy with logits, positives weighted by
/// <c>positiveWeight</c> to offset how few pixels are near a landmark; metric = minus the mean distance in pixels between each channel's
/// argmax and the true landmark. Targets are drawn before augmentation and deformed with the image.
/// </summary>
public sealed class HeatmapObjective(HeatmapNet network, AugmentationOptions? augmentation = null, double positiveWeight = 20) : ITrainingObjective<LandmarkSample>
{
    private readonly Augmenter2d? _augmenter = augmentation is null ? null : new Augmenter2d(augmentation);

    public nn.Module Model => network;
    public string MetricName => "-landmark error (px)";

    /// <summary>Gaussian target maps [Landmarks, H, W] of a sample.</summary>
    public float[] Targets(LandmarkSample s)
    {
        var l = network.Options.Landmarks;
        if (s.Points.Length != 2 * l) throw new ArgumentException($"sample has {s.Points.Length / 2} landmarks, the network {l}");
        var t = new float[l * s.Height * s.Width];
        var inv = 1 / (2 * network.Options.Sigma * network.Options.Sigma);
        for (var k = 0; k < l; k++)
        {
            float px = s.Points[2 * k], py = s.Points[2 * k + 1];
            if (float.IsNaN(px) || float.IsNaN(py)) continue;
            for (var y = 0; y < s.Height; y++)
                for (var x = 0; x < s.Width; x++)
                    t[(k * s.Height + y) * s.Width + x] = (float)Math.Exp(-((x - px) * (x - px) + (y - py) * (y - py)) * inv);
        }
        return t;
    }

    public LandmarkSample Augment(LandmarkSample s, Random rng)
    {
        if (_augmenter is null) return s;
        var l = network.Options.Landmarks;
        var a = _augmenter.Apply(s.Image, s.Channels, s.Height, s.Width, rng, maps: Targets(s), mapChannels: l);
        // new landmark position = intensity-weighted centre of the deformed target near its peak; absent when pushed out of the image
        var pts = new float[2 * l];
        var plane = s.Height * s.Width;
        for (var k = 0; k < l; k++)
        {
            var m = a.Maps.AsSpan(k * plane, plane);
            var best = 0;
            for (var i = 1; i < plane; i++) if (m[i] > m[best]) best = i;
            if (float.IsNaN(s.Points[2 * k]) || m[best] < 0.5f) { pts[2 * k] = pts[2 * k + 1] = float.NaN; continue; }
            double sx = 0, sy = 0, sw = 0;
            for (var i = 0; i < plane; i++) if (m[i] > 0.5f * m[best]) { sx += m[i] * (i % s.Width); sy += m[i] * (i / s.Width); sw += m[i]; }
            pts[2 * k] = (float)(sx / sw); pts[2 * k + 1] = (float)(sy / sw);
        }
        return new LandmarkSample(a.Image, s.Channels, s.Height, s.Width, pts);
    }

    public Tensor Loss(IReadOnlyList<LandmarkSample> batch)
    {
        var f = batch[0];
        var x = Collate.Images(batch, s => s.Image, f.Channels, f.Height, f.Width);
        var targets = Collate.Images(batch, Targets, network.Options.Landmarks, f.Height, f.Width);
        var logits = network.forward(x);
        var pw = full([network.Options.Landmarks, 1, 1], positiveWeight);
        return nn.functional.binary_cross_entropy_with_logits(logits, targets, pos_weights: pw);
    }

    public double Evaluate(IReadOnlyList<LandmarkSample> samples, int batchSize)
    {
        double err = 0; var n = 0;
        var l = network.Options.Landmarks;
        for (var i = 0; i < samples.Count; i += batchSize)
        {
            var batch = samples.Skip(i).Take(batchSize).ToList();
            var f = batch[0];
            var logits = network.forward(Collate.Images(batch, s => s.Image, f.Channels, f.Height, f.Width));
            var idx = logits.flatten(2).argmax(2).data<long>().ToArray(); // [N, L]
            for (var b = 0; b < batch.Count; b++)
                for (var k = 0; k < l; k++)
                {
                    float px = batch[b].Points[2 * k], py = batch[b].Points[2 * k + 1];
                    if (float.IsNaN(px)) continue;
                    var at = idx[b * l + k];
                    double dx = at % f.Width - px, dy = at / f.Width - py;
                    err += Math.Sqrt(dx * dx + dy * dy); n++;
                }
        }
        return n > 0 ? -err / n : 0;
    }
}
