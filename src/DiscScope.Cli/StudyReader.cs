using DiscScope.Analysis.Mri;
using DiscScope.Dicom;
using DiscScope.Domain.Reports;
using DiscScope.Imaging;
using DiscScope.Imaging.Geometry;

namespace DiscScope.Cli;

/// <summary>
/// Reads an input for analysis with what the report needs to know about it: for DICOM, the study/series/frame-of-reference UIDs, the
/// patient and the SOP Instance UIDs in the order of the canonical sagittal slices (right to left); for other formats, the file alone.
/// </summary>
public static class StudyReader
{
    /// <summary>One series read: the image, its source, and for DICOM the acquisition timing its header states.</summary>
    public sealed record Study(IVolume Volume, StudySource Source, MrTiming? Timing = null);

    /// <summary>What <see cref="ReadStudy"/> gives: the input, the T1 picked from the same study (null: none or not wanted) and a note on
    /// the choice when the input held several series.</summary>
    public sealed record StudySet(Study Input, Study? T1, string? Note);

    /// <summary>Reads <paramref name="path"/> (DICOM file, folder or ZIP; NIfTI, MetaImage; a 2D PNG/JPEG with <paramref name="pixelSpacing"/>)
    /// as a study of <paramref name="sequence"/>. A DICOM input of several series (a study exported from a PACS) is read as its sagittal
    /// series of the wanted weighting and, with <paramref name="wantT1"/>, its sagittal T1 too (<see cref="SeriesChoice"/>).</summary>
    /// <param name="path">The input.</param>
    /// <param name="pixelSpacing">"ROW,COL" in mm for 2D inputs.</param>
    /// <param name="sequence">t2, t2_space or t1 (null: not stated; the caller decides, e.g. from the DICOM timing).</param>
    /// <param name="orientation">A 3-letter code (<see cref="OrientationOption"/>) that replaces the file's direction cosines; not for DICOM,
    /// whose orientation is part of every instance.</param>
    /// <param name="wantT1">Whether to pick the study's T1 as well (false when the user names one).</param>
    public static StudySet ReadStudy(string path, string? pixelSpacing, string? sequence, string? orientation, bool wantT1)
    {
        if (!IsDicom(path))
        {
            var v = Io.Read(path, pixelSpacing);
            if (!string.IsNullOrEmpty(orientation)) v = v.WithGeometry(v.Geometry with { Direction = OrientationOption.Parse(orientation) });
            return new StudySet(new Study(v, new StudySource(path, "MR", sequence) { RowSpacingMm = v.Geometry.Spacing.Y, ColumnSpacingMm = v.Geometry.Spacing.X }), null, null);
        }
        if (!string.IsNullOrEmpty(orientation))
            throw new InputException($"{path}: --orientation is for files without a trustworthy orientation (NIfTI, MetaImage, PNG); DICOM carries its own");
        var all = DicomSeriesScanner.Scan(path);
        if (all.Count == 0) throw new DicomException(path, "no DICOM image (no instance with pixel data) found");
        var (input, t1, note) = SeriesChoice.Pick([.. all.Select(Candidate)], sequence, wantT1);
        return new StudySet(FromSeries(path, all[input], sequence), t1 is { } k ? FromSeries(path, all[k], "t1") : null, note);
    }

    /// <summary>A series as <see cref="SeriesChoice"/> sees it: sagittal when its first frame's normal lies within about 37 degrees of
    /// left-right.</summary>
    private static SeriesCandidate Candidate(DicomSeries series)
    {
        var d = series.Instances[0].Dataset;
        var sagittal = series.SliceNormal is { } n && Math.Abs(n.X) >= 0.8;
        var localizer = d.GetStrings(Tag("ImageType")).Any(x => x.Trim().Equals("LOCALIZER", StringComparison.OrdinalIgnoreCase));
        return new SeriesCandidate(series.SeriesInstanceUid, series.Description, series.FrameCount, sagittal, Timing(d).Weighting, localizer);
    }

    private static Study FromSeries(string path, DicomSeries series, string? sequence)
    {
        var dv = DicomVolumeBuilder.Build(series, Io.Dicom.Options);
        foreach (var w in dv.Warnings) Console.Error.WriteLine($"discscope: warning: {w}");
        var g = dv.Volume.Geometry;
        var first = dv.Series.Instances[0].Dataset;
        // Canonical slices run towards patient left (+x in LPS): order instances by their position along that direction.
        var toLeft = Orientation.Axis('L');
        var axis = Enumerable.Range(0, 3).Select(c => g.Direction.Column(c)).MaxBy(c => Math.Abs(c.Dot(toLeft)));
        if (axis.Dot(toLeft) < 0) axis = -axis;
        var sops = dv.Series.Instances
            .Select(f => (Uid: f.Dataset.GetString(Tag("SOPInstanceUID")) ?? "", Pos: f.Dataset.GetNumbers(Tag("ImagePositionPatient"))))
            .Where(x => x.Pos.Length == 3)
            .OrderBy(x => new Vec3(x.Pos[0], x.Pos[1], x.Pos[2]).Dot(axis)).Select(x => x.Uid).ToList();
        var source = new StudySource(path, first.GetString(Tag("Modality")) ?? "MR", sequence)
        {
            StudyInstanceUid = dv.Series.StudyInstanceUid,
            SeriesInstanceUid = dv.Series.SeriesInstanceUid,
            FrameOfReferenceUid = first.GetString(Tag("FrameOfReferenceUID")),
            SopInstanceUids = sops.Count == g.SizeK ? sops : [],
            PatientId = first.GetString(Tag("PatientID")),
            PatientName = first.GetString(Tag("PatientName")),
            StudyDate = first.GetString(Tag("StudyDate")),
            RowSpacingMm = g.Spacing.Y, ColumnSpacingMm = g.Spacing.X,
        };
        return new Study(dv.Volume, source, Timing(first));
    }

    /// <summary>
    /// Echo and repetition time and the echo type: from the classic MR Image module (EchoTime, RepetitionTime, ScanningSequence), else
    /// from an enhanced object's first functional groups (MR Echo: EffectiveEchoTime; MR Timing and Related Parameters: RepetitionTime;
    /// EchoPulseSequence). Unreadable values stay null, which leaves the weighting unknown.
    /// </summary>
    public static MrTiming Timing(DicomDataset d)
    {
        DicomDataset? Group(string sequence) => FunctionalGroups.Item(d, Tag(sequence));
        static double? Number(DicomDataset? ds, string keyword) => ds?.GetNumber(Tag(keyword)) is { } x && double.IsFinite(x) ? x : null;
        var te = Number(d, "EchoTime") ?? Number(Group("MREchoSequence"), "EffectiveEchoTime");
        var tr = Number(d, "RepetitionTime") ?? Number(Group("MRTimingAndRelatedParametersSequence"), "RepetitionTime");
        var scanning = d.GetStrings(Tag("ScanningSequence"));
        bool? spinEcho = scanning.Length > 0 ? scanning.Any(x => x.Trim() == "SE")
            : d.GetString(Tag("EchoPulseSequence"))?.Trim() is { Length: > 0 } pulse ? pulse == "SPIN" : null;
        return new MrTiming(te, tr, spinEcho);
    }

    private static DicomTag Tag(string keyword) => new(DicomDictionary.FindKeyword(keyword)!.Tag);

    private static bool IsDicom(string path)
    {
        if (Directory.Exists(path)) return true;
        if (!File.Exists(path)) throw new InputException($"{path}: no such file or folder");
        var lower = path.ToLowerInvariant();
        if (lower.EndsWith(".dcm", StringComparison.Ordinal) || lower.EndsWith(".zip", StringComparison.Ordinal) || lower.EndsWith(".dicom", StringComparison.Ordinal)) return true;
        var head = new byte[132];
        using var f = File.OpenRead(path);
        var n = f.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return Io.Registry.ByExtension(path) is null && DicomFile.Detect(head.AsSpan(0, n));
    }
}
