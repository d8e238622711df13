namespace DiscScope.Training.Trainers;

/// <summary>How a <see cref="Trainer{TSample}"/> runs: Adam, mini-batches, early stopping on the validation metric, checkpoints.</summary>
/// <param name="Epochs">Upper bound on epochs.</param>
/// <param name="BatchSize">Samples per optimisation step (the last batch of an epoch may be smaller).</param>
/// <param name="LearningRate">Adam learning rate.</param>
/// <param name="WeightDecay">Adam L2 weight decay.</param>
/// <param name="Seed">Seeds libtorch (weights were already drawn at construction: seed before building the network too) and the
/// shuffling and augmentation of each epoch, so a run and a resumed run see the same batches.</param>
/// <param name="Patience">Stop after this many epochs without improvement of the validation metric; 0 = never stop early.</param>
/// <param name="MinDelta">Smallest metric increase that counts as improvement.</param>
/// <param name="Threads">libtorch intra-op threads; 0 = libtorch's default.</param>
/// <param name="CheckpointDirectory">Where last.pt, best.pt, optimizer.pt and state.json go; null = no checkpoints.</param>
/// <param name="Resume">Continue from state.json in <see cref="CheckpointDirectory"/> when present.</param>
/// <param name="StepsPerEpoch">Limit on steps per epoch (0 = one pass over the training set).</param>
/// <param name="PolyDecay">Decay the learning rate per epoch as LearningRate * (1 - (epoch - 1) / Epochs)^0.9 (nnU-Net's schedule);
/// false = constant.</param>
public sealed record TrainingOptions(
    int Epochs = 50,
    int BatchSize = 8,
    double LearningRate = 1e-3,
    double WeightDecay = 1e-5,
    int Seed = 42,
    int Patience = 10,
    double MinDelta = 0,
    int Threads = 0,
    string? CheckpointDirectory = null,
    bool Resume = true,
    int StepsPerEpoch = 0,
    bool PolyDecay = false);
