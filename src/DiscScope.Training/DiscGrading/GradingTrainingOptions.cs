using DiscScope.Analysis.DiscGrading;

namespace DiscScope.Training.DiscGrading;

/// <summary>How the disc grading network is trained (multi-task classifier on <see cref="DiscSample"/> crops).</summary>
/// <param name="Epochs">Upper bound on epochs.</param>
/// <param name="BatchSize">Crops per step.</param>
/// <param name="LearningRate">Adam learning rate.</param>
/// <param name="Patience">Early-stopping patience (epochs) on the validation metric.</param>
/// <param name="Seed">Seeds weights, shuffling, augmentation and splits.</param>
/// <param name="Threads">libtorch threads.</param>
/// <param name="BaseChannels">Channels of the first residual stage.</param>
/// <param name="Stages">Residual stages.</param>
/// <param name="T1DropProbability">Probability of zeroing the T1 channel of a training crop, so the network copes without T1.</param>
/// <param name="ValidationFraction">Share of training patients held out for early stopping and temperature fitting.</param>
/// <param name="PfirrmannOrdinalWeight">Weight of the Pfirrmann head's expected-grade squared error beside its cross-entropy (0 = none).</param>
/// <param name="Recipe">Classic (each disc alone, early stopping) or Context (the patient's other discs and the level as inputs).</param>
/// <param name="T2DropProbability">Context recipe only: probability of zeroing the T2 channel of a training crop that has a T1 channel (never
/// both channels), so the network must read the T1 for Modic and the endplates; such a crop does not train the Pfirrmann head, a T2 grading
/// (0 = none, the shipped networks).</param>
/// <param name="PfirrmannSoftSigma">Context recipe only: train the Pfirrmann head on soft ordinal targets of this width in grades
/// (<see cref="SoftOrdinalTargets"/>) instead of label-smoothed one-hot ones (0 = off, the shipped networks).</param>
/// <param name="PfirrmannTruncation">Context recipe only: the share of each batch's Pfirrmann targets with the highest loss that is
/// ignored (<see cref="SmallLossSelection"/>; ramped up over the first epochs; 0 = none, the shipped networks).</param>
public sealed record GradingTrainingOptions(
    int Epochs = 40,
    int BatchSize = 32,
    double LearningRate = 2e-3,
    int Patience = 8,
    int Seed = 42,
    int Threads = 2,
    int BaseChannels = 16,
    int Stages = 4,
    double T1DropProbability = GradingTrainingOptions.DefaultT1DropProbability,
    double ValidationFraction = 0.15,
    double PfirrmannOrdinalWeight = 0,
    GradingRecipe Recipe = GradingRecipe.Classic,
    double T2DropProbability = 0,
    double PfirrmannSoftSigma = 0,
    double PfirrmannTruncation = 0)
{
    /// <summary>The shipped networks' T1 dropout.</summary>
    public const double DefaultT1DropProbability = 0.3;

    /// <summary>Epochs a recipe runs unless told otherwise: 40 at most for Classic (early stopping), exactly 60 for Context.</summary>
    public static int DefaultEpochs(GradingRecipe recipe) => recipe == GradingRecipe.Context ? 60 : 40;
}
