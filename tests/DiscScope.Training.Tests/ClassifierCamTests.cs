using DiscScope.Models.Explain;
using DiscScope.Models.Onnx;
using DiscScope.Training.Architectures;
using DiscScope.Training.Export;
using DiscScope.Training.Trainers;

namespace DiscScope.Training.Tests;

public sealed class ClassifierCamTests
{
    private const int Size = 32;

    [Fact]
    public void CamFromOnnxPeaksInsidePlantedBlob()
    {
        TorchRuntime.Configure(21, TorchTestUtil.Threads);
        var rng = new Random(21);
        var train = Enumerable.Range(0, 96).Select(i => Synthetic.Blob(rng, Size, i % 2 == 1))
            .Select(b => new ClassificationSample(b.Image, 1, Size, Size, b.Label)).ToList();
        ClassificationHead[] heads = [new("blob", ["absent", "present"])];
        var net = new MultiTaskClassifier(new ClassifierOptions(heads, Stages: 2, BaseChannels: 8));
        var result = new Trainer<ClassificationSample>(new ClassificationObjective(net),
            new TrainingOptions(Epochs: 8, BatchSize: 16, LearningRate: 3e-3, Seed: 21, Threads: TorchTestUtil.Threads, Patience: 0)).Fit(train, train);
        Assert.True(result.BestMetric > 0.9, $"balanced accuracy {result.BestMetric:F3}");

        using var model = OnnxModel.Load(OnnxExporter.ToBytes(net, new ModelMetadata("blob", "0", "classification")), "blob",
            new InferenceOptions(Threads: 2, PreferCuda: false));
        var test = new Random(77);
        for (var i = 0; i < 6; i++)
        {
            var (img, _, bx, by) = Synthetic.Blob(test, Size, true);
            var o = model.Run(img, 1, 1, Size, Size);
            Assert.True(o["blob_prob"].Data[1] > 0.5f, $"sample {i}: p(present) = {o["blob_prob"].Data[1]:F3}");
            var cam = o["blob_cam"];
            var map = ClassActivationMap.Compute(cam, 1, Size, Size);
            var (row, col) = ClassActivationMap.Peak(map, Size);
            var dist = Math.Sqrt((col - bx) * (col - bx) + (row - by) * (row - by));
            // The CAM is computed on the last stage's grid (a cell per `stride` pixels) and resized: it cannot place a peak finer than
            // half a cell, so the lesion as the map resolves it is the blob's radius plus half a cell (at 32 px, 7 of 32 px: a peak
            // anywhere else passes by chance with p ~ 0.15 per sample).
            var stride = (double)Size / cam.Shape[3];
            var tolerance = Synthetic.BlobRadius + stride / 2;
            Assert.True(dist <= tolerance, $"sample {i}: CAM peak ({row}, {col}) is {dist:F1} px from the blob centre ({by}, {bx}), beyond its radius {Synthetic.BlobRadius:F1} + half a CAM cell ({stride / 2:F1})");
        }
    }
}
