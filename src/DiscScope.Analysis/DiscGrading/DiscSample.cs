namespace DiscScope.Analysis.DiscGrading;

/// <summary>
/// One graded disc ready for the grading network: a two-channel crop [T2, T1] (each <see cref="DiscCropOptions"/> sized, normalised
/// to 0..1; the T1 channel is zeros when the patient has no T1), and the reference gradings.
/// </summary>
public sealed record DiscSample(string Patient, int IvdLabel, float[] Image, bool HasT1, GradingLabels Labels)
{
    /// <summary>The same disc with its T1 channel zeroed, as for a patient without T1 (the T2 channel and the labels are kept).</summary>
    public DiscSample WithoutT1()
    {
        var image = (float[])Image.Clone();
        var plane = image.Length / GradingInput.Channels;
        Array.Clear(image, plane, image.Length - plane);
        return this with { Image = image, HasT1 = false };
    }
}
