using DiscScope.Reporting.Tests.Fixtures;
using DiscScope.TestSupport;
using Xunit.Abstractions;

namespace DiscScope.Reporting.Tests.Dicom;

/// <summary>Peers: dicom3tools dciodvfy (IOD conformance), dcmtk dsrdump (SR rendering), pydicom (content tree walk).</summary>
public class SrReportRendererTests(ITestOutputHelper output)
{
    [Fact]
    public void DciodvfyReportsNoErrors()
    {
        using var t = new TempDir();
        var (_, sr, _) = DicomPeers.Write(PhantomReport.Create(t.Path), t.Path);
        var (errors, warnings) = DicomPeers.Dciodvfy(sr);
        output.WriteLine($"dciodvfy sr.dcm: {errors.Count} errors, {warnings.Count} warnings");
        foreach (var w in warnings.GroupBy(w => w)) output.WriteLine($"{w.Count()} x {w.Key}");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    /// <summary>From a report.json alone (no images, so no image library, SEG reference or evidence) the SR is still valid.</summary>
    [Fact]
    public void WithoutImagesDciodvfyReportsNoErrors()
    {
        using var t = new TempDir();
        var ctx = PhantomReport.Create(t.Path) with { Images = null };
        var path = t.File("sr.dcm");
        using (var fs = File.Create(path)) new DiscScope.Reporting.Dicom.Sr.SrReportRenderer().Render(ctx, fs);
        var (errors, _) = DicomPeers.Dciodvfy(path);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Contains("L5/S1 disc", PeerTool.RunOk("dsrdump", path));
    }

    [Fact]
    public void DsrdumpRendersTheReport()
    {
        using var t = new TempDir();
        var (_, sr, _) = DicomPeers.Write(PhantomReport.Create(t.Path), t.Path);
        var text = PeerTool.RunOk("dsrdump", sr);
        Assert.Contains("Imaging Measurement Report", text);
        Assert.Contains("L4/L5 disc", text);
        Assert.Contains("Pfirrmann grade 4", text);
        Assert.Contains("Device Observer Name", text);
    }

    /// <summary>pydicom walks the content tree and checks every level's group, codes, units and values against report.json.</summary>
    [Fact]
    public void PydicomContentTreeMatchesReportJson()
    {
        using var t = new TempDir();
        var (json, sr, seg) = DicomPeers.Write(PhantomReport.Create(t.Path), t.Path);
        File.WriteAllText(t.File("walk.py"), WalkScript);
        var o = PeerTool.RunOk(PeerTool.Python, t.File("walk.py"), sr, json, seg);
        output.WriteLine(o);
        Assert.Contains("ok 6 groups", o);
    }

    /// <summary>
    /// Independent of the C# code: SNOMED CT disc codes typed in from DICOM PS3.16 CID 7604, and the expected value for each
    /// DiscScope code read from report.json. Tolerance: DS values carry at most 16 characters, so values are compared to 1e-9 relative.
    /// </summary>
    private const string WalkScript = """
import json, sys, math
import pydicom
ds = pydicom.dcmread(sys.argv[1])
rep = json.load(open(sys.argv[2], encoding='utf-8'))
seg = pydicom.dcmread(sys.argv[3])
CID7604 = {'T12-L1': '76206002', 'L1-L2': '80064006', 'L2-L3': '67459009', 'L3-L4': '62551000', 'L4-L5': '84020006', 'L5-S1': '715056000'}
assert ds.SOPClassUID == '1.2.840.10008.5.1.4.1.1.88.33'
assert ds.ConceptNameCodeSequence[0].CodeValue == '126000'
assert ds.ContentTemplateSequence[0].TemplateIdentifier == '1500'
def name(item): return (item.ConceptNameCodeSequence[0].CodingSchemeDesignator, item.ConceptNameCodeSequence[0].CodeValue)
def find(items, scheme, value): return [i for i in items if name(i) == (scheme, value)]
obs = [i for i in ds.ContentSequence if i.RelationshipType == 'HAS OBS CONTEXT']
dev = find(obs, 'DCM', '121013')[0].TextValue
assert dev.startswith('DiscScope') and rep['software_version'] in dev, dev
proc = find(ds.ContentSequence, 'DCM', '121058')[0].ConceptCodeSequence[0]
assert (proc.CodingSchemeDesignator, proc.CodeValue) == ('LN', '24968-0')
meas = find(ds.ContentSequence, 'DCM', '126010')[0]
all_groups = find(meas.ContentSequence, 'DCM', '125007')
def tracking(g): return find(g.ContentSequence, 'DCM', '112039')[0].TextValue
groups = [g for g in all_groups if tracking(g).endswith('intervertebral disc')]
assert len(groups) == len(rep['levels']), (len(groups), len(rep['levels']))
CID7603 = {'T12': '23215003', 'L1': '66794005', 'L2': '14293000', 'L3': '36470004', 'L4': '11994002', 'L5': '49668003'}
vgroups = [g for g in all_groups if tracking(g).endswith('vertebral body')]
assert len(vgroups) == len(rep['vertebrae']), (len(vgroups), len(rep['vertebrae']))
for g, v in zip(vgroups, rep['vertebrae']):
    assert tracking(g) == v['level'] + ' vertebral body'
    site = find(g.ContentSequence, 'SCT', '363698007')[0].ConceptCodeSequence[0]
    assert site.CodeValue == CID7603[v['level']], (v['level'], site.CodeValue)
    for code, key in [('VB_H_ANT', 'anterior'), ('VB_H_MID', 'middle'), ('VB_H_POST', 'posterior')]:
        mv = find(g.ContentSequence, '99DSCOPE', code)[0].MeasuredValueSequence[0]
        assert mv.MeasurementUnitsCodeSequence[0].CodeValue == 'mm'
        assert math.isclose(float(mv.NumericValue), v['heights_mm'][key], rel_tol=1e-9, abs_tol=1e-9), (v['level'], code)
lg = [g for g in all_groups if tracking(g) == 'Lumbar lordosis']
assert len(lg) == 1
lmv = find(lg[0].ContentSequence, '99DSCOPE', 'LORDOSIS')[0].MeasuredValueSequence[0]
assert lmv.MeasurementUnitsCodeSequence[0].CodeValue == 'deg' and math.isclose(float(lmv.NumericValue), rep['lumbar_lordosis_deg'], rel_tol=1e-9)
seg_numbers = {s.SegmentLabel: s.SegmentNumber for s in seg.SegmentSequence}
def close(a, b): return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)
NUMS = {'DH_ANT': (('heights_mm', 'anterior'), 'mm'), 'DH_MID': (('heights_mm', 'middle'), 'mm'), 'DH_POST': (('heights_mm', 'posterior'), 'mm'),
        'DHI': (('height_index',), '1'), 'WEDGE': (('wedge_angle_deg',), 'deg'), 'POST_DISP': (('posterior_displacement_mm',), 'mm'),
        'SIR': (('signal_intensity_ratio',), '1'), 'CANAL_AP': (('canal_ap_mm',), 'mm'), 'SLIP_MM': (('listhesis', 'slip_mm'), 'mm'),
        'SLIP_PCT': (('listhesis', 'percent'), '%')}
GRADES = {'PFIRRMANN': 'pfirrmann', 'MODIC': 'modic', 'HERNIATION': 'herniation', 'BULGING': 'bulging', 'NARROWING': 'narrowing',
          'LISTHESIS': 'spondylolisthesis', 'ENDPLATE_UPPER': 'endplate_upper', 'ENDPLATE_LOWER': 'endplate_lower'}
for g, lv in zip(groups, rep['levels']):
    level = lv['level']
    assert g.ContentTemplateSequence[0].TemplateIdentifier == '1501'
    items = g.ContentSequence
    tid = find(items, 'DCM', '112039')[0]
    assert tid.RelationshipType == 'HAS OBS CONTEXT' and tid.TextValue.startswith(level), tid.TextValue
    assert len(find(items, 'DCM', '112040')[0].UID) > 0
    site = find(items, 'SCT', '363698007')[0].ConceptCodeSequence[0]
    assert (site.CodingSchemeDesignator, site.CodeValue) == ('SCT', CID7604[level]), (level, site.CodeValue)
    ref = find(items, 'DCM', '121191')[0].ReferencedSOPSequence[0]
    assert ref.ReferencedSOPInstanceUID == seg.SOPInstanceUID
    assert ref.ReferencedSegmentNumber == seg_numbers[level + ' disc'], (level, ref.ReferencedSegmentNumber)
    m = lv['measurements']
    seen = 0
    for it in items:
        if it.ValueType != 'NUM': continue
        code = name(it)[1]
        path, unit = NUMS[code]
        v = m
        for p in path: v = v[p]
        mv = it.MeasuredValueSequence[0]
        u = mv.MeasurementUnitsCodeSequence[0]
        assert (u.CodingSchemeDesignator, u.CodeValue) == ('UCUM', unit), (code, u.CodeValue)
        assert close(mv.NumericValue, v), (level, code, mv.NumericValue, v)
        seen += 1
    expected = sum(1 for c, (path, _) in NUMS.items() if (m.get(path[0]) if len(path) == 1 else (m.get(path[0]) or {}).get(path[1])) is not None)
    assert seen == expected, (level, seen, expected)
    codes = [it for it in items if it.ValueType == 'CODE' and it.RelationshipType == 'CONTAINS']
    graded = {name(c)[1]: c for c in codes}
    for code, key in GRADES.items():
        j = lv[key]
        if j is None:
            assert code not in graded, (level, code); continue
        c = graded[code]
        val = c.ConceptCodeSequence[0]
        props = {name(p)[1]: p for p in c.ContentSequence}
        prob = float(props['PROBABILITY'].MeasuredValueSequence[0].NumericValue)
        review = props['REVIEW'].ConceptCodeSequence[0].CodeValue
        assert review == ('373066001' if j['uncertain'] else '373067005'), (level, code)
        if key == 'pfirrmann':
            assert val.CodeValue == 'PFIRRMANN_%d' % j['grade'] and close(prob, j['probabilities'][j['grade'] - 1])
        elif key == 'modic':
            assert val.CodeValue == 'MODIC_%d' % j['type'] and close(prob, j['probabilities'][j['type']])
        else:
            assert (val.CodingSchemeDesignator, val.CodeValue) == ('SCT', '52101004' if j['present'] else '2667000'), (level, code)
            assert close(prob, j['probability'])
print('ok %d groups, %d vertebra groups, lordosis' % (len(groups), len(vgroups)))
""";
}
