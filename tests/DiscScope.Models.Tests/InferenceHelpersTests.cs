using DiscScope.Models;
using DiscScope.Models.Explain;
using DiscScope.Models.Inference;
using DiscScope.Models.Onnx;

namespace DiscScope.Models.Tests;

public sealed class InferenceHelpersTests
{
    [Fact]
    public void SoftmaxAndArgmaxPerPixel()
    {
        // two pixels, three channels (channel-major): pixel 0 logits (0, ln 2, ln 1), pixel 1 (5, 1, 1)
        float[] z = [0, 5, (float)Math.Log(2), 1, 0, 1];
        var p = ChannelOps.Softmax(z, 3);
        Assert.Equal(0.25, p[0], 6); // exp(0) / (1 + 2 + 1)
        Assert.Equal(0.5, p[2], 6);
        Assert.Equal(1.0, p[1] + p[3] + p[5], 6);
        Assert.Equal([1, 0], ChannelOps.Argmax(z, 3));
        Assert.Equal(0.5, ChannelOps.Sigmoid([0f])[0], 6);
        Assert.Throws<ArgumentException>(() => ChannelOps.Softmax(z, 4));
    }

    [Fact]
    public void SlidingWindowReproducesAPixelwisePredictor()
    {
        // a predictor that is exact per pixel (2 * x, -x) gives the same result tiled or not, with any blending
        var rng = new Random(1);
        var img = new float[1 * 70 * 45];
        for (var i = 0; i < img.Length; i++) img[i] = (float)rng.NextDouble();
        var calls = 0;
        TensorData Predict(TensorData t)
        {
            calls++;
            int n = t.Shape[0], h = t.Shape[2], w = t.Shape[3];
            var o = new float[n * 2 * h * w];
            for (var b = 0; b < n; b++)
                for (var i = 0; i < h * w; i++) { o[(b * 2) * h * w + i] = 2 * t.Data[b * h * w + i]; o[(b * 2 + 1) * h * w + i] = -t.Data[b * h * w + i]; }
            return new TensorData(o, n, 2, h, w);
        }
        var r = SlidingWindow.Run(new TensorData(img, 1, 70, 45), Predict, new TileOptions(32, 32, 0.5, BatchSize: 3));
        Assert.Equal([2, 70, 45], r.Shape);
        // tolerance: the blend is a float32 weighted mean of identical values, exact up to a few ulps of values below 2
        for (var i = 0; i < img.Length; i++) { Assert.InRange(Math.Abs(2 * img[i] - r.Data[i]), 0, 1e-5); Assert.InRange(Math.Abs(-img[i] - r.Data[70 * 45 + i]), 0, 1e-5); }
        Assert.True(calls >= 3);
        // an image smaller than the tile is padded and cropped back
        var small = SlidingWindow.Run(new TensorData(img[..(20 * 10)], 1, 20, 10), Predict, new TileOptions(32, 32));
        Assert.Equal([2, 20, 10], small.Shape);
        Assert.InRange(Math.Abs(2 * img[199] - small.Data[199]), 0, 1e-5);
    }

    [Fact]
    public void TileStartsCoverTheImageFlush()
    {
        Assert.Equal([0], SlidingWindow.Starts(20, 32, 0.5));
        Assert.Equal([0, 16, 32], SlidingWindow.Starts(64, 32, 0.5));
        var s = SlidingWindow.Starts(70, 32, 0.5);
        Assert.Equal(0, s[0]);
        Assert.Equal(38, s[^1]);
    }

    [Fact]
    public void BatchingStacksAndSplits()
    {
        var a = new TensorData([1, 2], 2);
        var b = new TensorData([3, 4], 2);
        var stacked = Batching.Stack([a, b]);
        Assert.Equal([2, 2], stacked.Shape);
        var mapped = Batching.Map([a, b, a], 2, t => new TensorData([.. t.Data.Select(v => v * 10)], t.Shape));
        Assert.Equal([30f, 40f], mapped[1].Data);
        Assert.Equal(3, mapped.Count);
        Assert.Throws<ArgumentException>(() => Batching.Stack([a, new TensorData([1, 2, 3], 3)]));
    }

    [Fact]
    public void CamUpsamplesRectifiesAndNormalises()
    {
        // 2x2 map for class 1 of 2, upsampled to 4x4: the positive corner holds the peak, negatives become 0
        var cam = new TensorData([0, 0, 0, 0, /* class 1 */ 4, -1, -1, -1], 1, 2, 2, 2);
        var m = ClassActivationMap.Compute(cam, 1, 4, 4);
        Assert.Equal(1f, m[0]);
        Assert.Equal((0, 0), ClassActivationMap.Peak(m, 4));
        Assert.All(m, v => Assert.InRange(v, 0f, 1f));
        Assert.Equal(0f, m[15]);
        Assert.All(ClassActivationMap.Compute(cam, 0, 4, 4), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void NormalizationAndMetadata()
    {
        float[] v = [1, 2, 3, 4, 5];
        new InputNormalization("zscore", 0, 100).Apply(v);
        Assert.Equal(0, v.Average(), 5);
        Assert.Equal(1, Math.Sqrt(v.Select(x => x * x).Average()), 5);
        float[] w = [2, 4, 6];
        new InputNormalization("minmax", 0, 100).Apply(w);
        Assert.Equal([0f, 0.5f, 1f], w);

        var meta = new ModelMetadata("m", "1", "classification", LabelMap: new Dictionary<string, IReadOnlyList<string>> { ["modic"] = ["0", "1", "2", "3"] });
        var back = ModelMetadata.FromProperties("m.onnx", meta.ToProperties());
        Assert.Equal(["0", "1", "2", "3"], back.LabelMap!["modic"]);
        var e = Assert.Throws<ModelException>(() => ModelMetadata.FromProperties("x.onnx", new Dictionary<string, string>()));
        Assert.Contains("x.onnx", e.Message);
        Assert.Throws<ModelException>(() => OnnxModel.Load([1, 2, 3], "garbage", new InferenceOptions(PreferCuda: false)));
    }
}
