namespace DiscScope.Training.SpineGate;

/// <summary>One cross-validated gate prediction: the image (source, group, name, truth), its fold, the spacing assumed for it (null: its
/// own stated spacing) and P(sagittal spine MR) from the network that did not see its group; <paramref name="External"/> for an image no
/// network trained on (<see cref="GateImage.Trainable"/> false).</summary>
public sealed record GateOutOfFold(string Source, string Group, string Name, bool IsSpineMr, int Fold, double? AssumedSpacing, double Probability,
    bool External = false);
