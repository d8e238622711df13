using DiscScope.Training.Architectures;
using DiscScope.Training.Augmentation;

namespace DiscScope.Training.Trainers;

/// <summary>
/// Trains a <see cref="UNet2d"/> on (image [C, H, W], labels [H, W]) samples with CE + Dice, Adam, augmentation, early stopping on
/// validation Dice and checkpoints: <see cref="Trainer{TSample}"/> with a <see cref="SegmentationObjective"/>.
/// </summary>
public sealed class SegmentationTrainer(UNet2d network, TrainingOptions? options = null, SegmentationLossOptions? loss = null, AugmentationOptions? augmentation = null,
    PatchSampling? patches = null)
{
    private readonly Trainer<SegmentationSample> _trainer = new(new SegmentationObjective(network, loss, augmentation, patches), options);

    public UNet2d Network { get; } = network;
    public TrainingOptions Options => _trainer.Options;

    /// <inheritdoc cref="Trainer{TSample}.Fit"/>
    public TrainingResult Fit(IReadOnlyList<SegmentationSample> train, IReadOnlyList<SegmentationSample>? validation = null,
        IProgress<TrainingProgress>? progress = null, Action<EpochReport>? onEpoch = null, CancellationToken cancellationToken = default,
        Func<double>? validate = null) =>
        _trainer.Fit(train, validation, progress, onEpoch, cancellationToken, validate);
}
