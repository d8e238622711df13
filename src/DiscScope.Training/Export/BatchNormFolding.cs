using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DiscScope.Training.Export;

/// <summary>
/// Folds an inference-mode BatchNorm (y = gamma (x - mean) / sqrt(var + eps) + beta) into the preceding convolution:
/// W'[o] = W[o] s[o], b'[o] = beta[o] + (b[o] - mean[o]) s[o], s = gamma / sqrt(var + eps). Computed in double precision.
/// </summary>
public static class BatchNormFolding
{
    /// <summary>Folded (weight [O, I, kh, kw], bias [O]) of a bias-free or biased convolution followed by <paramref name="bn"/>.</summary>
    public static (float[] Weight, float[] Bias) Fold(Conv2d conv, BatchNorm2d bn, double eps)
    {
        var w = OnnxGraphBuilder.Values(conv.weight!);
        var outC = (int)conv.weight!.shape[0];
        var b = conv.bias is null ? new float[outC] : OnnxGraphBuilder.Values(conv.bias);
        var gamma = OnnxGraphBuilder.Values(bn.weight!);
        var beta = OnnxGraphBuilder.Values(bn.bias!);
        var mean = OnnxGraphBuilder.Values(bn.running_mean!);
        var var_ = OnnxGraphBuilder.Values(bn.running_var!);
        var per = w.Length / outC;
        var fw = new float[w.Length];
        var fb = new float[outC];
        for (var o = 0; o < outC; o++)
        {
            var s = gamma[o] / Math.Sqrt(var_[o] + eps);
            for (var i = 0; i < per; i++) fw[o * per + i] = (float)(w[o * per + i] * s);
            fb[o] = (float)(beta[o] + (b[o] - mean[o]) * s);
        }
        return (fw, fb);
    }
}
