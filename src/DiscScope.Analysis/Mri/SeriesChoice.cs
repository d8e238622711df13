namespace DiscScope.Analysis.Mri;

/// <summary>
/// Which series of a study (a PACS export holds localisers, axial and sagittal series, T1 and T2) `analyze` reads: the input is the
/// sagittal series of the wanted weighting with the most frames (T2 unless the user asked for t1; a sagittal series of unknown weighting
/// when there is no such one; the most frames of all when nothing is sagittal), and its T1 is the sagittal T1-weighted series with the
/// most frames. Localisers are passed over while the study holds anything else. A study of one series is read as it is.
/// </summary>
public static class SeriesChoice
{
    /// <summary>The input's index, the T1's index (null: none, or not wanted) and a note naming what was chosen (null for one series).</summary>
    /// <param name="series">The study's series, largest first (as <c>DicomSeriesScanner</c> orders them).</param>
    /// <param name="requested">The sequence the user named (t2, t2_space, t1) or null.</param>
    /// <param name="wantT1">Whether a T1 is to be picked (false when the user gave one).</param>
    public static (int Input, int? T1, string? Note) Pick(IReadOnlyList<SeriesCandidate> series, string? requested, bool wantT1)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count == 0) throw new ArgumentException("no series", nameof(series));
        if (series.Count == 1) return (0, null, null);
        var want = requested == "t1" ? MrWeighting.T1 : MrWeighting.T2;
        var skipLocalizers = series.Any(s => !s.Localizer);
        int? Best(Func<SeriesCandidate, bool> ok) =>
            series.Select((s, i) => (s, i)).Where(e => !(skipLocalizers && e.s.Localizer) && ok(e.s)).OrderByDescending(e => e.s.Frames).Select(e => (int?)e.i).FirstOrDefault();
        var input = Best(s => s.Sagittal && s.Weighting == want)
            ?? (requested is null ? Best(s => s.Sagittal && s.Weighting == MrWeighting.Unknown) : null)
            ?? Best(s => s.Sagittal)
            ?? Best(_ => true)
            ?? 0;
        int? t1 = wantT1 && want == MrWeighting.T2 && series[input].Weighting != MrWeighting.T1
            ? Best(s => s.Sagittal && s.Weighting == MrWeighting.T1 && !ReferenceEquals(s, series[input]))
            : null;
        var note = $"{series.Count} series found: the input is {series[input]}"
            + (t1 is { } k ? $", its T1 {series[k]}" : "")
            + (series[input].Sagittal ? "" : "; it is not sagittal (nor is any other series but localisers)");
        return (input, t1, note);
    }
}
