using DiscScope.Training.Nn;

namespace DiscScope.Training.Architectures;

/// <summary>Shape of a <see cref="MultiTaskClassifier"/>.</summary>
/// <param name="Heads">One head per grading task.</param>
/// <param name="InChannels">Image channels.</param>
/// <param name="Stages">Residual stages; each after the first halves the resolution (2x2 max pool).</param>
/// <param name="BaseChannels">Channels of the first stage, doubled per stage.</param>
/// <param name="BlocksPerStage">Residual blocks per stage.</param>
/// <param name="Activation">ReLU or LeakyReLU(0.01).</param>
public sealed record ClassifierOptions(IReadOnlyList<ClassificationHead> Heads, int InChannels = 1, int Stages = 4, int BaseChannels = 16,
    int BlocksPerStage = 1, Activation Activation = Activation.Relu)
{
    public int ChannelsAt(int stage) => BaseChannels << stage;
    public int FeatureChannels => ChannelsAt(Stages - 1);
    public int SizeMultiple => 1 << (Stages - 1);
}
