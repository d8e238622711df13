using System.ComponentModel;
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

    [CommandOption("--threads <N>")]
    public int Threads { get; init; } = 2;

    [CommandOption("--seed <N>")]
    public int Seed { get; init; } = 1;

    /// <summary>The recipe as trainer options, with a wall-time cap and the seed offset by <paramref name="seedOffset"/> (CV folds).</summary>
    public SegmentationTrainingOptions TrainingOptions(TimeSpan timeBudget, int seedOffset = 0) => new()
    {
        Steps = Steps, TimeBudget = timeBudget, BatchSize = Batch, BaseChannels = Base, Threads = Threads, PatchWidth = Patch, PatchHeight = Patch, Seed = Seed + seedOffset,
    };
}
