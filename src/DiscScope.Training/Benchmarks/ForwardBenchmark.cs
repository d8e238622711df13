using System.Diagnostics;
using DiscScope.Models.Onnx;
using DiscScope.Training.Architectures;
using DiscScope.Training.Export;
using TorchSharp;
using static TorchSharp.torch;

namespace DiscScope.Training.Benchmarks;

/// <summary>
/// ONNX Runtime vs TorchSharp forward time of a randomly initialised <see cref="UNet2d"/> on one [1, C, size, size] image, both on the CPU
/// with the same thread count: warm-up runs, then the median of the timed runs.
/// </summary>
public static class ForwardBenchmark
{
    public static IReadOnlyList<ForwardBenchmarkResult> Run(UNetOptions options, IReadOnlyList<int> sizes, int threads, int repeats, bool ortSpinning = false, int warmup = 2)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        TorchRuntime.Configure(1, threads);
        var net = new UNet2d(options);
        net.eval();
        using var model = OnnxModel.Load(OnnxExporter.ToBytes(net, new ModelMetadata("bench-unet", "0", "segmentation")), "bench-unet",
            new InferenceOptions(Threads: threads, PreferCuda: false, AllowSpinning: ortSpinning));
        var parameters = ParameterCount(net);
        var results = new List<ForwardBenchmarkResult>();
        foreach (var size in sizes)
        {
            var rng = new Random(size);
            var x = new float[options.InChannels * size * size];
            for (var i = 0; i < x.Length; i++) x[i] = (float)(rng.NextDouble() * 2 - 1);
            int[] shape = [1, options.InChannels, size, size];
            float[] torchOut = [];
            var torchMs = Time(repeats, warmup, () =>
            {
                using var scope = NewDisposeScope();
                using var _ = no_grad();
                torchOut = OnnxGraphBuilder.Values(net.forward(tensor(x, [1, options.InChannels, size, size])));
            });
            float[] ortOut = [];
            var ortMs = Time(repeats, warmup, () => ortOut = model.Run(x, shape)["logits"].Data);
            double diff = 0;
            for (var i = 0; i < ortOut.Length; i++) diff = Math.Max(diff, Math.Abs(ortOut[i] - torchOut[i]));
            results.Add(new ForwardBenchmarkResult(size, torchMs, ortMs, diff, parameters));
        }
        return results;
    }

    /// <summary>Number of trainable parameters.</summary>
    public static long ParameterCount(nn.Module module) => module.parameters().Sum(p => p.numel());

    private static double Time(int repeats, int warmup, Action a)
    {
        for (var i = 0; i < warmup; i++) a();
        var t = new double[repeats];
        for (var i = 0; i < repeats; i++)
        {
            var sw = Stopwatch.StartNew();
            a();
            t[i] = sw.Elapsed.TotalMilliseconds;
        }
        Array.Sort(t);
        return repeats % 2 == 1 ? t[repeats / 2] : (t[repeats / 2 - 1] + t[repeats / 2]) / 2;
    }
}
