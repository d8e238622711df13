namespace DiscScope.Cli.Tests.Commands;

/// <summary>Synthetic MR series with a chosen echo and repetition time, written as DICOM (the demo phantom's writer, timing replaced).</summary>
internal static class TimedMrSeries
{
    /// <summary>Writes <paramref name="image"/> as an MR series (one file per slice, names prefixed) with the given echo and repetition times.</summary>
    public static void Write(Imaging.Volume<float> image, Reporting.Dicom.Mr.MrSeriesInfo info, double te, double tr, string folder, string prefix = "")
    {
        foreach (var f in Reporting.Dicom.Mr.MrSeriesBuilder.Build(image, info))
        {
            f.Dataset.SetDecimal(new Dicom.DicomTag(0x0018, 0x0081), te); // EchoTime
            f.Dataset.SetDecimal(new Dicom.DicomTag(0x0018, 0x0080), tr); // RepetitionTime
            Dicom.DicomWriter.Write(f, Path.Combine(folder, prefix + f.Source));
        }
    }

    /// <summary>A study folder as a PACS exports it: an axial T2 stack of twice the phantom's slices, the sagittal T1 and the sagittal T2
    /// (the phantom), one study. Returns the sagittal T1's and T2's series UIDs.</summary>
    public static (string T1, string T2) WriteStudy(string folder)
    {
        var phantom = Analysis.Synthetic.LumbarPhantom.Create();
        var study = Dicom.DicomUid.Generate();
        string Series(Imaging.Volume<float> image, string description, double te, double tr)
        {
            var info = new Reporting.Dicom.Mr.MrSeriesInfo { StudyInstanceUid = study, SeriesDescription = description };
            Write(image, info, te, tr, folder, description.Replace(' ', '_') + "_");
            return info.SeriesInstanceUid;
        }
        var g = phantom.Image.Geometry;
        // The phantom's voxels twice over, as axial slices (identity direction: normal superior): more frames than the sagittal series.
        var axialGeometry = new Imaging.Geometry.ImageGeometry(g.SizeI, g.SizeJ, g.SizeK * 2, g.Spacing, g.Origin, Imaging.Geometry.Matrix3.Identity);
        Series(new Imaging.Volume<float>(axialGeometry, [.. phantom.Image.Voxels, .. phantom.Image.Voxels]), "T2 AX", 100, 3000);
        return (Series(phantom.Image, "T1 SAG", 12, 600), Series(phantom.Image, "T2 SAG", 100, 3000));
    }
}
