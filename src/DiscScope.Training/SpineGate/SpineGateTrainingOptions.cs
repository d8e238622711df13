namespace DiscScope.Training.SpineGate;

/// <summary>How the spine image gate is trained: a small residual CNN, Adam with nnU-Net's poly decay, a fixed number of epochs (no
/// early stopping: the gate has no validation set of its own; cross-validation measures it), balanced class weights.</summary>
public sealed record SpineGateTrainingOptions(int Epochs = 30, int BatchSize = 32, double LearningRate = 2e-3, int Seed = 42, int Threads = 0,
    int Stages = 4, int BaseChannels = 12);
