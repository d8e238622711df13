using static TorchSharp.torch;

namespace DiscScope.Training.Trainers;

/// <summary>Stacks per-sample arrays into batch tensors; all samples of a batch must share one shape.</summary>
internal static class Collate
{
    public static Tensor Images<T>(IReadOnlyList<T> batch, Func<T, float[]> image, int c, int h, int w)
    {
        var len = c * h * w;
        var data = new float[batch.Count * len];
        for (var n = 0; n < batch.Count; n++)
        {
            var a = image(batch[n]);
            if (a.Length != len) throw new ArgumentException($"batch item {n} holds {a.Length} values, item 0 is [{c}, {h}, {w}]: resample or crop to one size");
            a.CopyTo(data, n * len);
        }
        return tensor(data, [batch.Count, c, h, w]);
    }

    public static Tensor Labels<T>(IReadOnlyList<T> batch, Func<T, long[]> labels, int h, int w)
    {
        var len = h * w;
        var data = new long[batch.Count * len];
        for (var n = 0; n < batch.Count; n++)
        {
            var a = labels(batch[n]);
            if (a.Length != len) throw new ArgumentException($"batch item {n} label map holds {a.Length} values, item 0 is {h} x {w}");
            a.CopyTo(data, n * len);
        }
        return tensor(data, [batch.Count, h, w]);
    }
}
