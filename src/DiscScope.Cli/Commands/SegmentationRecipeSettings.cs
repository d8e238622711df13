using System.ComponentModel;
using DiscScope.Analysis.Mri;
using DiscScope.Analysis.Mri.Data;
using DiscScope.Training.Mri;
using Spectre.Console.Cli;

namespace DiscScope.Cli.Commands;

/// <summary>The segmentation training recipe shared by `train segmentation` and `evaluate segmentation` (defaults = the shipped model's).</summary>
public class SegmentationRecipeSettings : CommandSettings
{
    [CommandOption("--data <DIR>")]
    [Description("Shared data folder (default: DISCSCOPE_DATA or ../shared/data).")]
    public string? Data { get; init; }

    [CommandOption("--steps <N>")]
    [Description("Maximum optimiser steps (default 4000, the shipped recipe).")]
    public int Steps { get; init; } = 4000;

    [CommandOption("--batch <N>")]
    public int Batch { get; init; } = 8;

    [CommandOption("--base <N>")]
    [Description("U-Net channels at full resolution (default 8).")]
    public int Base { get; init; } = 8;

    [CommandOption("--patch <PX>")]
    [Description("Square training patch in canvas pixels (default 128).")]
    public int Patch { get; init; } = 128;

    [CommandOption("--canvas-mm <MM>")]
    [Description("Pixel size of the network's canvas in mm (default 1.4); stored in the model, which segments at it.")]
    public double CanvasMm { get; init; } = SliceCanvas.Default.SpacingMm;

    [CommandOption("--threads <N>")]
    public int Threads { get; init; } = 2;

    [CommandOption("--seed <N>")]
    public int Seed { get; init; } = 1;

    [CommandOption("--teacher <FILE>")]
    [Description("Self-training: add the spider/midsag slices (T1, T2) that this segmentation model parses acceptably, as pseudo-labels; only patients with an even id lend slices (odd ids stay held out for `evaluate levels`), never a patient of the labelled slices.")]
    public string? Teacher { get; init; }

    /// <summary>The pseudo-labelled slices of <see cref="Teacher"/> (null without one), excluding every patient of <paramref name="labelled"/>; prints what was kept.</summary>
    public PseudoLabelSet? PseudoLabels(string data, IReadOnlyList<LabelledSlice> labelled)
    {
        if (Teacher is null) return null;
        using var net = OnnxSliceNetwork.Load(Teacher, Threads);
        var set = PseudoLabelSet.Build(data, new SpineParser(new SliceSegmenter(net)), labelled.Select(x => x.Patient).ToHashSet(StringComparer.Ordinal));
        foreach (var (seq, verdicts) in set.VerdictsBySequence.OrderBy(e => e.Key, StringComparer.Ordinal))
            Console.WriteLine($"pseudo-labels {seq}: " + string.Join(", ", verdicts.OrderBy(v => v.Key).Select(v => $"{v.Key} {v.Value}")));
        Console.WriteLine($"adding {set.Slices.Count} pseudo-labelled mid-sagittal slices of {set.Slices.Select(x => x.Patient).Distinct().Count()} patients (teacher {Teacher})");
        return set;
    }

    /// <summary>The recipe as trainer options, with a wall-time cap and the seed offset by <paramref name="seedOffset"/> (CV folds).</summary>
    public SegmentationTrainingOptions TrainingOptions(TimeSpan timeBudget, int seedOffset = 0) => new()
    {
        Canvas = CanvasMm is > 0.3 and < 5 ? SliceCanvas.Default with { SpacingMm = CanvasMm } : throw new InputException($"--canvas-mm {CanvasMm}: expected 0.3-5 mm"),
        Steps = Steps, TimeBudget = timeBudget, BatchSize = Batch, BaseChannels = Base, Threads = Threads, PatchWidth = Patch, PatchHeight = Patch, Seed = Seed + seedOffset,
    };
}
