namespace DiscScope.Training.SpineGate;

/// <summary>A training example of the gate: the source image and its canvas rendering for the current epoch (null until rendered).</summary>
public sealed record GateExample(GateImage Source, float[]? Canvas = null);
