using System.IO.Compression;
using System.Text.Json.Nodes;
using DiscScope.Dicom.Tests.Support;
using DiscScope.Imaging;
using DiscScope.Imaging.Geometry;
using DiscScope.TestSupport;

namespace DiscScope.Dicom.Tests.Series;

public sealed class DicomVolumeBuilderTests
{
    /// <summary>
    /// Enhanced MR (per-frame functional groups) against dcm2niix's NIfTI read by nibabel: same voxels and the same
    /// patient position of every voxel. dcm2niix stores RAS and flips the row order (NIfTI j = rows-1-j).
    /// </summary>
    [DataFact]
    public void EnhancedMrMatchesDcm2niixReference()
    {
        var v = DicomVolumeBuilder.Read(SharedData.Path("dicom", "dcm_qa_enh", "In", "Siemens", "XA10", "6_1.dcm")).Volume;
        var nii = JsonNode.Parse(PeerTool.RunOk(Corpus.Python, Path.Combine(SharedData.RepoRoot, "tests", "tools", "nifti_reference.py"),
            SharedData.Path("dicom", "dcm_qa_enh", "Ref", "Siemens_REST1_w_SMS_PF7-8_6.nii")))!;
        var shape = nii["shape"]!.AsArray().Select(x => (int)x!).ToArray();
        Assert.Equal(new[] { v.Geometry.SizeI, v.Geometry.SizeJ, v.Geometry.SizeK }, shape);
        var a = nii["affine"]!.AsArray().Select(r => r!.AsArray().Select(x => (double)x!).ToArray()).ToArray();
        var data = nii["data"]!.AsArray().Select(x => (long)x!).ToArray();
        var rows = v.Geometry.SizeJ;
        foreach (var (i, j, k) in new[] { (0, 0, 0), (63, 0, 0), (0, 63, 5), (63, 63, 5), (10, 20, 3) })
        {
            var ras = new Vec3(a[0][0] * i + a[0][1] * (rows - 1 - j) + a[0][2] * k + a[0][3],
                               a[1][0] * i + a[1][1] * (rows - 1 - j) + a[1][2] * k + a[1][3],
                               a[2][0] * i + a[2][1] * (rows - 1 - j) + a[2][2] * k + a[2][3]);
            var lps = new Vec3(-ras.X, -ras.Y, ras.Z);
            // 1 µm: dcm2niix writes a float32 sform and takes its origin from a rounded slice position; voxels are 2.4-3.4 mm.
            Assert.True(v.Geometry.IndexToWorld(i, j, k).MaxAbsDifference(lps) < 1e-3, $"voxel {i},{j},{k}: {v.Geometry.IndexToWorld(i, j, k)} vs {lps}");
        }
        for (var k = 0; k < shape[2]; k++)
            for (var j = 0; j < rows; j++)
                for (var i = 0; i < shape[0]; i++)
                {
                    var expected = data[(i * shape[1] + (rows - 1 - j)) * shape[2] + k];
                    Assert.Equal(expected, (long)v.GetDouble(v.Geometry.SizeI * (j + (long)rows * k) + i));
                }
    }

    /// <summary>An enhanced MR object has no top-level Image Orientation (Patient): the slice normal comes from its functional groups. pydicom
    /// reads the plane orientation (1, 0, 1e-6, 0, 1, 1e-6): row x column = (-1e-6, -1e-6, 1), an axial stack.</summary>
    [DataFact]
    public void TheSliceNormalOfAnEnhancedObjectComesFromItsFunctionalGroups()
    {
        var series = DicomSeriesScanner.Scan(SharedData.Path("dicom", "dcm_qa_enh", "In", "Siemens", "XA10", "6_1.dcm")).Single();
        var n = series.SliceNormal!.Value;
        Assert.True(n.MaxAbsDifference(new Vec3(-1e-6, -1e-6, 1)) < 1e-6, n.ToString());
    }

    /// <summary>A ZIP whose non-DICOM entry inflates to 64 MiB (a small zip bomb): only the entry's first 132 bytes are read to see that it
    /// is not DICOM, so reading the series beside it allocates far less than the entry's size on this thread.</summary>
    [DataFact]
    public void ANonDicomZipEntryIsNotInflatedIntoMemory()
    {
        var folder = SharedData.Path("dicom", "dcmqi", "data", "segmentations", "ct-3slice");
        using var tmp = new TempDir();
        var zip = tmp.File("series.zip");
        using (var z = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            foreach (var f in Directory.GetFiles(folder)) z.CreateEntryFromFile(f, Path.GetFileName(f));
            using var junk = z.CreateEntry("junk.bin", CompressionLevel.Optimal).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 64; i++) junk.Write(zeros);
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        var fromZip = DicomVolumeBuilder.Read(zip);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(3, fromZip.Volume.Geometry.SizeK);
        Assert.True(allocated < 32L << 20, $"{allocated >> 20} MiB allocated reading a ZIP with a 64 MiB non-DICOM entry");
    }

    [DataFact]
    public void FolderAndZipOfTheSameSlicesGiveTheSameVolume_SortedAlongTheNormal()
    {
        var folder = SharedData.Path("dicom", "dcmqi", "data", "segmentations", "ct-3slice");
        var fromFolder = DicomVolumeBuilder.Read(folder);
        using var tmp = new TempDir();
        var zip = tmp.File("series.zip");
        using (var z = ZipFile.Open(zip, ZipArchiveMode.Create))
            foreach (var f in Directory.GetFiles(folder).OrderDescending(StringComparer.Ordinal)) z.CreateEntryFromFile(f, "x/" + Path.GetFileName(f));
        var fromZip = DicomVolumeBuilder.Read(zip);
        Assert.True(fromFolder.Volume.Geometry.SameAs(fromZip.Volume.Geometry));
        Assert.True(fromFolder.Volume.AsBytes().SequenceEqual(fromZip.Volume.AsBytes()));
        // Slice positions from the files themselves: k follows increasing position along the normal.
        var z0 = Directory.GetFiles(folder).Select(f => DicomFile.Read(f).Dataset.GetNumbers(DicomTag.ImagePositionPatient)[2]).Order().ToArray();
        var g = fromFolder.Volume.Geometry;
        Assert.Equal(z0[0], g.Origin.Z, 6);
        Assert.Equal(z0[^1], g.IndexToWorld(0, 0, 2).Z, 6);
        Assert.Equal(VoxelType.Int16, fromFolder.Volume.VoxelType); // CT numbers after Rescale Intercept -1024
        Assert.Empty(fromFolder.Warnings);
    }

    [Fact]
    public void GantryTiltAndNonUniformSpacingAreReportedAndResampled()
    {
        var files = new List<DicomFile>();
        double[] z = [0, 2, 4, 7, 9]; // one gap of 3 mm among 2 mm gaps
        for (var k = 0; k < z.Length; k++)
            files.Add(Synthetic(k, new Vec3(0, 0.5 * z[k], z[k]))); // origin drifts along y: a tilted stack
        var v = DicomVolumeBuilder.Build(DicomSeriesScanner.Group(files)[0]);
        Assert.Contains(v.Warnings, w => w.Contains("tilt", StringComparison.Ordinal));
        Assert.Contains(v.Warnings, w => w.Contains("non-uniform", StringComparison.Ordinal));
        var g = v.Volume.Geometry;
        Assert.Equal(9.0 / 4, g.Spacing.Z, 9);
        Assert.True(g.Direction.MaxAbsDifference(Matrix3.Identity) < 1e-12);
        // Each synthetic slice holds the value 10*z at every pixel, so linear resampling along k gives 10*z at the new z.
        var f = (Volume<float>)v.Volume;
        Assert.Equal(10 * 2.25 * 2, f[4, 4, 2], 3);
    }

    [DataFact]
    public void ProjectionRadiographUsesPixelSpacingOrImagerPixelSpacing()
    {
        var path = SharedData.Path("dicom", "highdicom", "dx_image.dcm");
        var ds = DicomFile.Read(path).Dataset;
        var expected = ds.GetNumbers(DicomTag.PixelSpacing) is { Length: 2 } p ? p : ds.GetNumbers(DicomTag.ImagerPixelSpacing);
        var v = DicomVolumeBuilder.Read(path).Volume;
        Assert.Equal(expected[1], v.Geometry.Spacing.X, 9); // i runs along a row: column spacing
        Assert.Equal(expected[0], v.Geometry.Spacing.Y, 9);
        Assert.Equal(1, v.Geometry.SizeK);
    }

    private static DicomFile Synthetic(int n, Vec3 position)
    {
        var ds = new DicomDataset();
        ds.SetString(DicomTag.SOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.4");
        ds.SetString(DicomTag.SOPInstanceUID, DicomVR.UI, DicomUid.Generate());
        ds.SetString(DicomTag.StudyInstanceUID, DicomVR.UI, "1.2.3");
        ds.SetString(DicomTag.SeriesInstanceUID, DicomVR.UI, "1.2.3.4");
        ds.SetString(DicomTag.InstanceNumber, DicomVR.IS, (n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        ds.SetDecimal(DicomTag.ImagePositionPatient, position.X, position.Y, position.Z);
        ds.SetDecimal(DicomTag.ImageOrientationPatient, 1, 0, 0, 0, 1, 0);
        ds.SetDecimal(DicomTag.PixelSpacing, 1, 1);
        ds.SetUInt16(DicomTag.SamplesPerPixel, 1);
        ds.SetString(DicomTag.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2");
        ds.SetUInt16(DicomTag.Rows, 8); ds.SetUInt16(DicomTag.Columns, 8);
        ds.SetUInt16(DicomTag.BitsAllocated, 16); ds.SetUInt16(DicomTag.BitsStored, 16); ds.SetUInt16(DicomTag.HighBit, 15);
        ds.SetUInt16(DicomTag.PixelRepresentation, 0);
        var px = new byte[8 * 8 * 2];
        for (var i = 0; i < 64; i++) BitConverter.TryWriteBytes(px.AsSpan(2 * i), (ushort)(10 * position.Z));
        ds.Add(new DicomElement(DicomTag.PixelData, DicomVR.OW, px));
        return DicomFile.Read(DicomWriter.ToBytes(new DicomFile(new DicomDataset(), ds, TransferSyntax.ExplicitVRLittleEndian, null, "synthetic")), $"synthetic{n}");
    }
}
