using DiscScope.Analysis.DiscGrading;
using DiscScope.Analysis.Mri;

namespace DiscScope.Cli.Commands;

/// <summary>Builds (or loads from a cache) the SPIDER disc grading samples: mid-sagittal slices parsed with the segmentation model, discs cropped.</summary>
internal static class GradingData
{
    public static IReadOnlyList<DiscSample> Load(string data, string segmentationModel, string? cache, DiscCropOptions crop)
    {
        if (cache is not null && DiscSampleCache.Load(cache, crop) is { } cached)
        {
            Console.WriteLine($"loaded {cached.Count} disc samples from {cache}");
            return cached;
        }
        if (!File.Exists(segmentationModel)) throw new InputException($"{segmentationModel}: segmentation model not found (train it with `discscope train segmentation`)");
        using var net = OnnxSliceNetwork.Load(segmentationModel, threads: 2);
        var builder = new GradingDatasetBuilder(new SpineParser(new SliceSegmenter(net)), crop);
        var (samples, stats) = builder.Build(data);
        Console.WriteLine($"{stats.Samples} of {stats.GradedDiscs} graded discs found and cropped ({stats.WithT1} with T1) from {stats.Patients} patients; " +
            $"{stats.SeriesParsed} series parsed, {stats.SeriesWithoutSpine} without a spine, {stats.DiscsNotFound} graded discs not found, {stats.T1NotPaired} T1 series not paired (level sets differ from T2)");
        if (cache is not null) DiscSampleCache.Save(cache, samples, crop);
        return samples;
    }
}
