using DiscScope.Analysis.Mri;

namespace DiscScope.Training.Mri;

/// <summary>Budget and hyper-parameters of spine segmentation training. The run stops at <see cref="Steps"/> or <see cref="TimeBudget"/>, whichever comes first.</summary>
public sealed record SegmentationTrainingOptions
{
    public SliceCanvas Canvas { get; init; } = SliceCanvas.Default;
    public int Steps { get; init; } = 2000;
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromMinutes(40);
    public int BatchSize { get; init; } = 8;
    /// <summary>Training patch size in canvas pixels (the network is fully convolutional; inference uses the whole canvas).</summary>
    public int PatchWidth { get; init; } = 160;
    public int PatchHeight { get; init; } = 160;
    public double LearningRate { get; init; } = 2e-3;
    public int BaseChannels { get; init; } = 16;
    public int Depth { get; init; } = 5;
    public int Threads { get; init; } = 2;
    public int Seed { get; init; } = 1;
    /// <summary>Weight of the soft Dice term beside cross-entropy.</summary>
    public double DiceWeight { get; init; } = 1.0;
}
