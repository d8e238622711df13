namespace DiscScope.Training.Augmentation;

/// <summary>
/// Random augmentation of grayscale medical images (per-channel intensity, shared geometry). Each family is applied with its probability;
/// ranges are symmetric around "no change". Defaults suit z-scored sagittal MR slices.
/// </summary>
/// <param name="AffineProbability">Probability of a random affine (rotation, scale, shear, translation).</param>
/// <param name="RotationDegrees">Rotation drawn from +-this.</param>
/// <param name="ScaleRange">Isotropic scale drawn from 1 +- this; each axis then varies by a further +-ScaleRange/3.</param>
/// <param name="ShearDegrees">Shear angle drawn from +-this.</param>
/// <param name="TranslationFraction">Translation drawn from +-this fraction of the image size.</param>
/// <param name="ElasticProbability">Probability of a smooth elastic deformation.</param>
/// <param name="ElasticAlphaPixels">Standard deviation, in pixels, of the displacement at the control points.</param>
/// <param name="ElasticGrid">Control points per axis (bilinearly interpolated between).</param>
/// <param name="FlipHorizontal">Allow left-right (column) flips; off by default since on sagittal slices it swaps anterior and posterior.</param>
/// <param name="FlipVertical">Allow top-bottom (row) flips; off by default (cranio-caudal order matters for level naming).</param>
/// <param name="IntensityProbability">Probability of a contrast/brightness change and, independently, of a gamma change.</param>
/// <param name="ContrastRange">Contrast factor drawn from 1 +- this (about the mean).</param>
/// <param name="BrightnessRange">Shift drawn from +-this times the standard deviation.</param>
/// <param name="GammaRange">Gamma = exp(u), u drawn from +-this, applied on the min-max range.</param>
/// <param name="BiasFieldProbability">Probability of a multiplicative smooth bias field (second-order polynomial in the exponent).</param>
/// <param name="BiasFieldStrength">Largest coefficient of the polynomial.</param>
/// <param name="NoiseProbability">Probability of additive Gaussian noise.</param>
/// <param name="NoiseStd">Noise standard deviation as a fraction of the image's standard deviation.</param>
/// <param name="BlurProbability">Probability of a Gaussian blur.</param>
/// <param name="BlurSigmaMax">Blur sigma drawn from 0.5 .. this, in pixels.</param>
/// <param name="InversionProbability">Probability of inverting intensities (max + min - x), mimicking T1 vs T2 contrast.</param>
public sealed record AugmentationOptions(
    double AffineProbability = 0.7,
    double RotationDegrees = 12,
    double ScaleRange = 0.15,
    double ShearDegrees = 5,
    double TranslationFraction = 0.05,
    double ElasticProbability = 0.2,
    double ElasticAlphaPixels = 4,
    int ElasticGrid = 5,
    bool FlipHorizontal = false,
    bool FlipVertical = false,
    double IntensityProbability = 0.7,
    double ContrastRange = 0.25,
    double BrightnessRange = 0.1,
    double GammaRange = 0.3,
    double BiasFieldProbability = 0.3,
    double BiasFieldStrength = 0.3,
    double NoiseProbability = 0.2,
    double NoiseStd = 0.05,
    double BlurProbability = 0.15,
    double BlurSigmaMax = 1.0,
    double InversionProbability = 0.1)
{
    /// <summary>No augmentation at all.</summary>
    public static AugmentationOptions None { get; } = new(0, ElasticProbability: 0, IntensityProbability: 0, BiasFieldProbability: 0,
        NoiseProbability: 0, BlurProbability: 0, InversionProbability: 0);
}
