namespace DiscScope.Training.Trainers;

/// <summary>Weights of the segmentation loss: CrossEntropyWeight * CE(weighted by class) + DiceWeight * (1 - mean foreground soft Dice).</summary>
/// <param name="CrossEntropyWeight">Weight of the cross-entropy term.</param>
/// <param name="DiceWeight">Weight of the soft Dice term (Milletari et al. 2016, batch Dice over foreground classes).</param>
/// <param name="ClassWeights">Per-class cross-entropy weights (length = classes), e.g. from <see cref="ClassWeighting"/>; null = equal.</param>
/// <param name="DeepSupervisionDecay">Auxiliary output at 1/2^k resolution weighs Decay^k relative to the full-resolution loss (weights
/// normalised to sum to 1), as in nnU-Net.</param>
public sealed record SegmentationLossOptions(double CrossEntropyWeight = 1, double DiceWeight = 1, float[]? ClassWeights = null, double DeepSupervisionDecay = 0.5);
