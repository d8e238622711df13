using DiscScope.Dicom;
using DiscScope.Domain.Anatomy;
using DiscScope.Domain.Reports;
using DiscScope.Imaging;
using DiscScope.Imaging.Geometry;
using DiscScope.Reporting.Tests.Fixtures;
using DiscScope.TestSupport;
using Xunit.Abstractions;

namespace DiscScope.Reporting.Tests.Dicom;

/// <summary>Peers: dicom3tools dciodvfy, dcmtk dcmdump, and pydicom + numpy rebuilding the label map from the SEG frames.</summary>
public class SegReportRendererTests(ITestOutputHelper output)
{
    [Fact]
    public void DciodvfyReportsNoErrors()
    {
        using var t = new TempDir();
        var (_, _, seg) = DicomPeers.Write(PhantomReport.Create(t.Path), t.Path);
        var (errors, warnings) = DicomPeers.Dciodvfy(seg);
        output.WriteLine($"dciodvfy seg.dcm: {errors.Count} errors, {warnings.Count} warnings");
        foreach (var w in warnings.GroupBy(w => w)) output.WriteLine($"{w.Count()} x {w.Key}");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Contains("SegmentSequence", PeerTool.RunOk("dcmdump", seg));
    }

    /// <summary>
    /// pydicom reads the SEG and rebuilds the label map on the source grid: each frame's slice comes from its
    /// ImagePositionPatient projected on the source grid's slice axis (source geometry passed from the phantom), its label from the
    /// segment label text via the SPIDER convention re-implemented in Python. The result must equal the phantom's labels
    /// voxel for voxel (exact: labels are integers).
    /// </summary>
    [Fact]
    public void FramesMapBackOntoTheSourceVolumeExactly()
    {
        using var t = new TempDir();
        Assert.Contains("mismatches 0", Rebuild(PhantomReport.Create(t.Path), t));
    }

    /// <summary>An oblique, right-handed grid with anisotropic spacing: positions and orientation must still map back exactly.</summary>
    [Fact]
    public void ObliqueGridMapsBackExactly()
    {
        using var t = new TempDir();
        var a = 20 * Math.PI / 180;
        var dir = Matrix3.FromColumns(new Vec3(Math.Cos(a), Math.Sin(a), 0), new Vec3(-Math.Sin(a), Math.Cos(a), 0), new Vec3(0, 0, 1));
        var g = new ImageGeometry(40, 30, 6, new Vec3(0.7, 0.9, 2.5), new Vec3(-12.5, 30.25, -80), dir);
        var labels = new LabelMap(g);
        for (var k = 1; k < 5; k++)
            for (var j = 5; j < 25; j++)
                for (var i = 3; i < 37; i++)
                    labels[i, j, k] = j < 12 ? SpineLabel.Of(VertebraLevel.L4) : j < 16 ? SpineLabel.Of(DiscLevel.Parse("L4-L5")) : i > 30 ? SpineLabel.Canal : SpineLabel.Of(VertebraLevel.L5);
        var source = new StudySource("oblique", "MR", "t2")
        {
            StudyInstanceUid = DicomUid.Generate(), SeriesInstanceUid = DicomUid.Generate(), FrameOfReferenceUid = DicomUid.Generate(),
            SopInstanceUids = Enumerable.Range(0, 6).Select(_ => DicomUid.Generate()).ToList(),
        };
        var ctx = new ReportContext(new StudyReport { Source = source, SoftwareVersion = "0.1.0-test" })
        {
            Images = new ReportImages(new Volume<float>(g), labels, 3), BaseDirectory = t.Path,
        };
        var o = Rebuild(ctx, t);
        Assert.Contains("segments 4 mismatches 0", o);
        var (errors, _) = DicomPeers.Dciodvfy(t.File("seg.dcm"));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private string Rebuild(ReportContext ctx, TempDir t)
    {
        var seg = t.File("seg.dcm");
        using (var fs = File.Create(seg)) new DiscScope.Reporting.Dicom.Seg.SegReportRenderer().Render(ctx, fs);
        var lab = ctx.Images!.Labels;
        var g = lab.Geometry;
        File.WriteAllBytes(t.File("labels.raw"), System.Runtime.InteropServices.MemoryMarshal.AsBytes(lab.Labels.Voxels.AsSpan()).ToArray());
        var geo = System.Text.Json.JsonSerializer.Serialize(new
        {
            size = new[] { g.SizeI, g.SizeJ, g.SizeK },
            origin = new[] { g.Origin.X, g.Origin.Y, g.Origin.Z },
            spacing = new[] { g.Spacing.X, g.Spacing.Y, g.Spacing.Z },
            direction = g.Direction.ToRowMajor(),
            sop = ctx.Report.Source.SopInstanceUids,
            for_uid = ctx.Report.Source.FrameOfReferenceUid,
        });
        File.WriteAllText(t.File("geometry.json"), geo);
        File.WriteAllText(t.File("rebuild.py"), RebuildScript);
        var o = PeerTool.RunOk(PeerTool.Python, t.File("rebuild.py"), seg, t.File("labels.raw"), t.File("geometry.json"));
        output.WriteLine(o);
        return o;
    }

    private const string RebuildScript = """
import json, sys
import numpy as np
import pydicom
seg = pydicom.dcmread(sys.argv[1])
geo = json.load(open(sys.argv[3]))
ni, nj, nk = geo['size']
truth = np.fromfile(sys.argv[2], dtype='<i2').reshape(nk, nj, ni)
D = np.array(geo['direction']).reshape(3, 3)          # columns = i, j, k axes in LPS
origin = np.array(geo['origin']); sp = np.array(geo['spacing'])
assert seg.FrameOfReferenceUID == geo['for_uid']
assert seg.SegmentationType == 'BINARY' and seg.Rows == nj and seg.Columns == ni
iop = np.array([float(x) for x in seg.SharedFunctionalGroupsSequence[0].PlaneOrientationSequence[0].ImageOrientationPatient])
# 1e-6: direction cosines are written as DS (up to 16 characters), far finer than this.
assert np.allclose(iop[:3], D[:, 0], atol=1e-6) and np.allclose(iop[3:], D[:, 1], atol=1e-6), iop
# The source grid's slice axis (it may point either way along the plane normal cross(row, col)).
slice_axis = D[:, 2]
assert abs(abs(np.dot(slice_axis, np.cross(iop[:3], iop[3:]))) - 1) < 1e-6
# SPIDER convention, independently: vertebrae L5=1, L4=2, ... T12=6 ...; sacrum 26; discs 200+k with k=1 for L5-S1; canal 100.
ORDER = ['L5','L4','L3','L2','L1','T12','T11','T10','T9','T8','T7','T6','T5','T4','T3','T2','T1','C7','C6','C5','C4','C3','C2','C1']
def label(text):
    if text == 'Sacrum': return 26
    if text == 'Spinal canal': return 100
    if text.endswith(' vertebra'): return ORDER.index(text.split()[0]) + 1
    if text.endswith(' disc'):
        upper = text.split()[0].split('-')[0]
        return 200 + ORDER.index(upper) + 1
    raise ValueError(text)
labels = {s.SegmentNumber: label(s.SegmentLabel) for s in seg.SegmentSequence}
# Segment type codes as published in PS3.16 CID 7604 / 7603 (typed in here), category "Anatomical Structure" (CID 7150).
SCT = {'L4-L5 disc': '84020006', 'L5-S1 disc': '715056000', 'T12-L1 disc': '76206002', 'L4 vertebra': '11994002', 'L5 vertebra': '49668003', 'Sacrum': '54735007'}
for s in seg.SegmentSequence:
    cat = s.SegmentedPropertyCategoryCodeSequence[0]; typ = s.SegmentedPropertyTypeCodeSequence[0]
    assert (cat.CodingSchemeDesignator, cat.CodeValue) == ('SCT', '123037004'), s.SegmentLabel
    assert typ.CodingSchemeDesignator == 'SCT' and typ.CodeValue == SCT.get(s.SegmentLabel, typ.CodeValue), (s.SegmentLabel, typ.CodeValue)
    assert s.SegmentAlgorithmType == 'AUTOMATIC' and s.SegmentAlgorithmName.startswith('DiscScope')
frames = seg.pixel_array
if frames.ndim == 2: frames = frames[None]
rebuilt = np.zeros_like(truth)
for f, fg in zip(frames, seg.PerFrameFunctionalGroupsSequence):
    n = fg.SegmentIdentificationSequence[0].ReferencedSegmentNumber
    ipp = np.array([float(x) for x in fg.PlanePositionSequence[0].ImagePositionPatient])
    kf = np.dot(ipp - origin, slice_axis) / sp[2]
    k = int(round(kf))
    # The in-plane position must be the slice's first voxel (1e-4 mm: DS rounding of positions of a few hundred mm),
    # and the slice must land on the grid (within 0.1 % of a slice spacing).
    assert abs(kf - k) < 1e-3 and np.allclose(ipp, origin + k * sp[2] * D[:, 2], atol=1e-4), (ipp, k)
    src = fg.DerivationImageSequence[0].SourceImageSequence[0].ReferencedSOPInstanceUID
    assert src == geo['sop'][k], (k, src)
    assert not np.any(rebuilt[k][f == 1]), 'overlapping segments at slice %d' % k
    rebuilt[k][f == 1] = labels[n]
mism = int(np.count_nonzero(rebuilt != truth))
print('frames %d segments %d mismatches %d' % (len(frames), len(labels), mism))
""";
}
