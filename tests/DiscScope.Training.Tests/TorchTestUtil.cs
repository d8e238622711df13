using DiscScope.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace DiscScope.Training.Tests;

internal static class TorchTestUtil
{
    /// <summary>libtorch threads for tests: one, since OpenMP threads that spin at barriers slow down many times over on a busy
    /// 2-core machine (CI shares it), and one thread keeps results repeatable.</summary>
    public const int Threads = 1;

    /// <summary>Makes BatchNorm non-trivial: perturbs every parameter and runs train-mode passes so running statistics move.</summary>
    public static void Randomize(nn.Module<Tensor, Tensor> model, long[] inputShape, int seed)
    {
        torch.manual_seed(seed);
        using var scope = NewDisposeScope();
        using (no_grad())
            foreach (var p in model.parameters()) p.add_(randn_like(p) * 0.05);
        model.train();
        using (no_grad())
            for (var i = 0; i < 3; i++) model.forward(randn(inputShape) * 2 + 0.5);
        model.eval();
    }

    public static float[] RandomInput(int seed, params int[] shape)
    {
        var rng = new Random(seed);
        var n = shape.Aggregate(1, (a, b) => a * b);
        var d = new float[n];
        for (var i = 0; i < n; i++) d[i] = (float)(rng.NextDouble() * 4 - 2);
        return d;
    }

    public static Tensor ToTensor(float[] data, int[] shape) => tensor(data, Array.ConvertAll(shape, s => (long)s));

    public static float[] Values(Tensor t) => Export.OnnxGraphBuilder.Values(t);

    public static double MaxAbsDiff(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        Assert.Equal(a.Length, b.Length);
        double m = 0;
        for (var i = 0; i < a.Length; i++) m = Math.Max(m, Math.Abs(a[i] - b[i]));
        return m;
    }

    public static void AssertShape(TensorData t, params int[] shape) => Assert.Equal(shape, t.Shape);
}
