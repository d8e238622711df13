using DiscScope.Models.Onnx;

namespace DiscScope.Analysis.DiscGrading;

/// <summary>One network of the grading ensemble with its per-head temperatures.</summary>
public sealed record GradingMember(OnnxModel Model, GradingCalibration Calibration);
