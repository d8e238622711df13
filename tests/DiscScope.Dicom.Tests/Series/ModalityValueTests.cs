using System.Text.Json.Nodes;
using DiscScope.Dicom.Tests.Support;
using DiscScope.TestSupport;

namespace DiscScope.Dicom.Tests.Series;

/// <summary>Volume values are pydicom's modality values (apply_modality_lut) for rescaled, LUT-mapped and plain images.</summary>
public sealed class ModalityValueTests
{
    [DataTheory]
    [InlineData("pydicom/test_files/CT_small.dcm")]          // Rescale Slope/Intercept
    [InlineData("pydicom/pydicom-data/mlut_18.dcm")]         // Modality LUT Sequence
    [InlineData("pydicom/test_files/MR_small.dcm")]          // stored values as they are
    [InlineData("dcmqi/data/segmentations/ct-3slice/01.dcm")]
    public void VolumeValuesEqualPydicomModalityValues(string rel)
    {
        var path = Path.Combine(Corpus.Root, rel);
        var json = JsonNode.Parse(PeerTool.RunOk(Corpus.Python, Path.Combine(SharedData.RepoRoot, "tests", "tools", "pydicom_modality.py"), path))!;
        var expected = json["values"]!.AsArray().Select(v => (double)v!).ToArray();
        var v = DicomVolumeBuilder.Read(path).Volume;
        Assert.Equal(expected.Length, v.Length);
        // Exact: both sides compute slope * stored + intercept in double from the same decimal strings, or look up the same
        // LUT entry; DiscScope stores the result as float32, exact for these integer-valued images.
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], v.GetDouble(i));
    }
}
