namespace DiscScope.Dicom;

/// <summary>The functional groups of an enhanced multi-frame object (PS3.3 C.7.6.16): a macro is looked up in the frame's Per-Frame
/// Functional Groups item first, then in the Shared Functional Groups item.</summary>
public static class FunctionalGroups
{
    /// <summary>The first item of <paramref name="macro"/> (e.g. PlaneOrientationSequence) that applies to <paramref name="frame"/>; null
    /// when neither the frame's nor the shared functional groups hold it (or the object has none: a classic single-frame instance).</summary>
    public static DicomDataset? Item(DicomDataset ds, DicomTag macro, int frame = 0)
    {
        ArgumentNullException.ThrowIfNull(ds);
        var perFrame = ds.GetItems(DicomTag.PerFrameFunctionalGroupsSequence);
        if (frame < perFrame.Count && perFrame[frame].GetItems(macro) is [var a, ..]) return a;
        return ds.GetItems(DicomTag.SharedFunctionalGroupsSequence) is [var s, ..] && s.GetItems(macro) is [var b, ..] ? b : null;
    }
}
