using DiscScope.Training.Nn;

namespace DiscScope.Training.Architectures;

/// <summary>Shape of a <see cref="MultiTaskClassifier"/>.</summary>
/// <param name="Heads">One head per grading task.</param>
/// <param name="InChannels">Image channels.</param>
/// <param name="Stages">Residual stages; each after the first halves the resolution (2x2 max pool).</param>
/// <param name="BaseChannels">Channels of the first stage, doubled per stage.</param>
/// <param name="BlocksPerStage">Residual blocks per stage.</param>
/// <param name="Activation">ReLU or LeakyReLU(0.01).</param>
/// <param name="PatientContext">The heads also see the mean pooled features of the sample's group (one patient's discs) and the sample's
/// difference from that mean, so each disc is graded against the same spine's other discs.</param>
/// <param name="LevelInputs">Width of an extra per-sample input (e.g. a one-hot spinal level) fed to the heads; 0 = none.</param>
public sealed record ClassifierOptions(IReadOnlyList<ClassificationHead> Heads, int InChannels = 1, int Stages = 4, int BaseChannels = 16,
    int BlocksPerStage = 1, Activation Activation = Activation.Relu, bool PatientContext = false, int LevelInputs = 0)
{
    public int ChannelsAt(int stage) => BaseChannels << stage;
    public int FeatureChannels => ChannelsAt(Stages - 1);
    /// <summary>Inputs of each linear head: the pooled features (three times over with patient context) plus the level inputs.</summary>
    public int HeadInputs => FeatureChannels * (PatientContext ? 3 : 1) + LevelInputs;
    public int SizeMultiple => 1 << (Stages - 1);
}
