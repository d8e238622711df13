using System.Text.Json;
using DiscScope.Analysis.Synthetic;
using DiscScope.Dicom;
using DiscScope.Reporting.Dicom.Mr;
using DiscScope.TestSupport;

namespace DiscScope.Reporting.Tests.Dicom.Mr;

public class MrSeriesBuilderTests
{
    [Fact]
    public void PhantomSeriesPassesDciodvfyAndReadsBackWithItsGeometry()
    {
        var phantom = LumbarPhantom.Create(new PhantomOptions { Slices = 5, Columns = 64, Rows = 80, PixelSpacing = 3.2 });
        using var dir = new TempDir();
        var files = MrSeriesBuilder.Build(phantom.Image, new MrSeriesInfo());
        foreach (var f in files) DicomWriter.Write(f, dir.File(f.Source));
        Assert.Equal(5, files.Count);

        // dciodvfy (dicom3tools): no errors on an MR Image Storage instance.
        var (_, o, e) = PeerTool.Run("dciodvfy", [dir.File("IM0003.dcm")]);
        Assert.DoesNotContain("Error", o + e);

        // pydicom reads the pixels and plane geometry we wrote.
        const string script = """
import json, sys, pydicom
d = pydicom.dcmread(sys.argv[1])
print(json.dumps({'rows': d.Rows, 'cols': d.Columns, 'ipp': [float(x) for x in d.ImagePositionPatient], 'iop': [float(x) for x in d.ImageOrientationPatient],
                  'ps': [float(x) for x in d.PixelSpacing], 'sum': int(d.pixel_array.astype('int64').sum())}))
""";
        File.WriteAllText(dir.File("peer.py"), script);
        using var peer = JsonDocument.Parse(PeerTool.RunOk(PeerTool.Python, dir.File("peer.py"), dir.File("IM0003.dcm")));
        var p = peer.RootElement;
        var g = phantom.Image.Geometry;
        Assert.Equal(g.SizeJ, p.GetProperty("rows").GetInt32());
        Assert.Equal(g.SizeI, p.GetProperty("cols").GetInt32());
        var ipp = g.IndexToWorld(0, 0, 2);
        var got = p.GetProperty("ipp").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        Assert.Equal([ipp.X, ipp.Y, ipp.Z], got, (a, b) => Math.Abs(a - b) < 1e-6); // DS keeps 16 characters
        var expectedSum = Enumerable.Range(0, g.SizeI * g.SizeJ).Sum(n => (long)Math.Round(phantom.Image.Voxels[2L * g.SizeI * g.SizeJ + n]));
        Assert.Equal(expectedSum, p.GetProperty("sum").GetInt64());

        // DiscScope's own series reader rebuilds the volume at the same place.
        var back = DicomVolumeBuilder.Read(dir.Path).Volume;
        Assert.Equal(g.VoxelCount, back.Geometry.VoxelCount);
        Assert.True(back.Geometry.Spacing.MaxAbsDifference(g.Spacing) < 1e-6);
    }
}
