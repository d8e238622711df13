namespace DiscScope.Training.Augmentation;

/// <summary>An augmented image [C, H, W] with its label map [H, W] (nearest-neighbour, outside = 0) and float maps [M, H, W] (bilinear,
/// outside = 0), each null when none was given.</summary>
public sealed record AugmentedImage(float[] Image, long[]? Labels, float[]? Maps);
