using static TorchSharp.torch;

namespace DiscScope.Training.Trainers;

/// <summary>What a <see cref="Trainer{TSample}"/> optimises: the network, its loss on a batch, its validation metric, its augmentation.</summary>
public interface ITrainingObjective<TSample>
{
    /// <summary>The network whose parameters are trained.</summary>
    nn.Module Model { get; }

    /// <summary>Name of <see cref="Evaluate"/>'s metric (higher is better), e.g. "dice".</summary>
    string MetricName { get; }

    /// <summary>Scalar loss of a batch (model in training mode, gradients on). Created inside the trainer's dispose scope.</summary>
    Tensor Loss(IReadOnlyList<TSample> batch);

    /// <summary>Validation metric over samples, higher is better (the trainer sets eval mode and no_grad).</summary>
    double Evaluate(IReadOnlyList<TSample> samples, int batchSize);

    /// <summary>A randomly augmented copy of a training sample (identity when no augmentation).</summary>
    TSample Augment(TSample sample, Random rng);
}
