namespace DiscScope.Analysis.DiscGrading;

/// <summary>
/// One graded disc ready for the grading network: a two-channel crop [T2, T1] (each <see cref="DiscCropOptions"/> sized, normalised
/// to 0..1; the T1 channel is zeros when the patient has no T1), and the reference gradings.
/// </summary>
public sealed record DiscSample(string Patient, int IvdLabel, float[] Image, bool HasT1, GradingLabels Labels);
