namespace DiscScope.Analysis.Mri;

/// <summary>One series of a study as <see cref="SeriesChoice"/> sees it: its UID and description, its frame count, whether its slices
/// are sagittal, the weighting its timing names, and whether it is a localiser (ImageType LOCALIZER: a planning scan, never the input
/// while there is anything else).</summary>
public sealed record SeriesCandidate(string Uid, string? Description, int Frames, bool Sagittal, MrWeighting Weighting, bool Localizer = false)
{
    /// <summary>"T2 SAG TSE (1.2.3, 15 frames, sagittal, T2-weighted)" for messages.</summary>
    public override string ToString() =>
        $"{(string.IsNullOrWhiteSpace(Description) ? "series" : Description.Trim())} ({Uid}, {Frames} frames, {(Sagittal ? "sagittal" : "not sagittal")}, {Weighting switch { MrWeighting.T1 => "T1-weighted", MrWeighting.T2 => "T2-weighted", _ => "weighting unknown" }})";
}
