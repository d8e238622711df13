using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using DiscScope.Analysis.Mri;
using DiscScope.Analysis.Mri.Data;
using DiscScope.Imaging;
using DiscScope.Imaging.Geometry;
using Spectre.Console.Cli;

namespace DiscScope.Cli.Commands;

/// <summary>
/// `discscope bench segment`: wall time of spine parsing (normalise, resample, ONNX segmentation of every slice, back-projection,
/// level naming, 3D labels) on a 15-slice 512x512 sagittal series, model load excluded. The series is built from a real SPIDER
/// T2-SPACE slice when the data folder is present (resampled to 512x512 at 0.6 mm, repeated over the slices), else from a synthetic image.
/// </summary>
public sealed class BenchSegmentCommand : Command<BenchSegmentCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--model <FILE>")]
        public string? Model { get; init; }

        [CommandOption("--data <DIR>")]
        public string? Data { get; init; }

        [CommandOption("--slices <N>")]
        public int Slices { get; init; } = 15;

        [CommandOption("--size <PX>")]
        public int Size { get; init; } = 512;

        [CommandOption("--repeats <N>")]
        [Description("Timed runs; the median is reported (default 5, after one warm-up run).")]
        public int Repeats { get; init; } = 5;

        [CommandOption("--threads <N>")]
        [Description("ONNX Runtime intra-op threads (default 2).")]
        public int Threads { get; init; } = 2;
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        var series = Series(s);
        var sw = Stopwatch.StartNew();
        using var net = OnnxSliceNetwork.Load(SegmentationModelPath.Resolve(s.Model), s.Threads);
        using var gate = SpineGateModel.Load(null, s.Threads);
        var load = sw.Elapsed.TotalSeconds;
        var parser = new SpineParser(new SliceSegmenter(net), gate: gate);
        var first = parser.Parse(series); // warm-up (JIT, ORT allocations)
        var times = new List<double>();
        for (var r = 0; r < s.Repeats; r++)
        {
            sw.Restart();
            parser.Parse(series);
            times.Add(sw.Elapsed.TotalSeconds);
        }
        times.Sort();
        // The network part alone (normalise, resample, ONNX, back-projection) for the breakdown.
        var slices = Enumerable.Range(0, s.Slices).Select(z => series.Voxels.AsSpan(z * s.Size * s.Size, s.Size * s.Size).ToArray()).ToArray();
        sw.Restart();
        parser.Segmenter.SegmentMany(slices, s.Size, s.Size, series.Geometry.Spacing.X, series.Geometry.Spacing.Y);
        var segOnly = sw.Elapsed.TotalSeconds;
        var found = first.Result is ParsedSpine p ? $"{p.Discs.Count} discs found" : first.Result.ToString();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bench segment: {s.Slices} slices {s.Size}x{s.Size}, {Environment.ProcessorCount} logical CPUs, ORT threads {s.Threads}: median {times[times.Count / 2]:F3} s per series (min {times[0]:F3}, max {times[^1]:F3}, {s.Repeats} runs; model load {load:F2} s excluded; of which slice segmentation {segOnly:F3} s; {found})"));
        return 0;
    }

    private static Volume<float> Series(Settings s)
    {
        int n = s.Size, k = s.Slices;
        const double spacing = 0.6;
        var g = new ImageGeometry(n, n, k, new Vec3(spacing, spacing, 4), Vec3.Zero,
            Matrix3.FromColumns(new Vec3(0, 1, 0), new Vec3(0, 0, -1), new Vec3(1, 0, 0))); // sagittal: columns P, rows I, slices L
        var v = new Volume<float>(g);
        float[] slice;
        try
        {
            var data = DataFolder.Resolve(s.Data);
            var src = SpiderData.SpaceSlices(data)[0];
            var canvas = new SliceCanvas { Width = n, Height = n, SpacingMm = spacing };
            slice = new float[n * n];
            canvas.Resample(src.Image, src.Width, src.Height, src.ColumnSpacing, src.RowSpacing, slice);
        }
        catch (InputException)
        {
            var rng = new Random(1);
            slice = [.. Enumerable.Range(0, n * n).Select(i => (float)(100 + 50 * Math.Sin(i % n / 20.0) + 20 * rng.NextDouble()))];
        }
        for (var z = 0; z < k; z++) Array.Copy(slice, 0, v.Voxels, (long)z * n * n, n * n);
        return v;
    }
}
