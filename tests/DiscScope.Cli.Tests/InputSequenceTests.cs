using DiscScope.TestSupport;

namespace DiscScope.Cli.Tests;

public class InputSequenceTests
{
    [Theory]
    [InlineData(null, 10.0, 500.0, "t1", "is T1-weighted, so it was taken as a T1")]
    [InlineData(null, 100.0, 3000.0, "t2", null)]
    [InlineData(null, null, null, "t2", null)]                // not DICOM, or no timing: the documented default
    [InlineData(null, 45.0, 4000.0, "t2", "(TE 45 ms, TR 4000 ms) does not say T2-weighted: analysed as a T2")] // the timing does not decide it
    [InlineData("t2", 10.0, 500.0, "t2", "--sequence t2 was given, but the input's DICOM timing (TE 10 ms, TR 500 ms) is T1-weighted")]
    [InlineData("t2_space", 10.0, 500.0, "t2_space", "is T1-weighted: graded as a T2, as asked")]
    [InlineData("t1", 100.0, 3000.0, "t1", "--sequence t1 was given, but the input's DICOM timing (TE 100 ms, TR 3000 ms) is T2-weighted")]
    [InlineData("t1", 10.0, 500.0, "t1", null)]
    [InlineData("t2", 100.0, 3000.0, "t2", null)]
    public void A_stated_sequence_wins_and_the_timing_decides_only_when_none_is_stated(string? requested, double? te, double? tr, string expected, string? note)
    {
        var (sequence, got) = InputSequence.Resolve(requested, te is null && tr is null ? null : new Analysis.Mri.MrTiming(te, tr));
        Assert.Equal(expected, sequence);
        if (note is null) Assert.Null(got);
        else Assert.Contains(note, got);
    }

    [Theory]
    [InlineData("T2", "t2")]
    [InlineData(" t2_SPACE ", "t2_space")]
    [InlineData("t1", "t1")]
    [InlineData(null, null)]
    public void Sequence_names_are_read_without_regard_to_case(string? given, string? expected) => Assert.Equal(expected, InputSequence.Parse(given));

    [Fact]
    public void A_T2_weighted_series_is_refused_as_the_T1()
    {
        Assert.Contains("is T2-weighted", InputSequence.T1Refusal(new(100, 3000)));
        Assert.Null(InputSequence.T1Refusal(new(10, 500)));
        Assert.Null(InputSequence.T1Refusal(new(100, 3000, SpinEcho: false)));
        Assert.Null(InputSequence.T1Refusal(null));
    }

    /// <summary>A real enhanced MR object (dcm_qa_enh, Siemens XA10 fMRI EPI) keeps its timing in functional groups; pydicom reads
    /// EffectiveEchoTime 30 ms (MR Echo), RepetitionTime 500 ms (MR Timing and Related Parameters) and EchoPulseSequence GRADIENT. A short
    /// TE and TR would say T1 for a spin echo; for this gradient echo the weighting stays unknown, so the series is not taken as a T1.</summary>
    [DataFact]
    public void An_enhanced_MR_objects_timing_is_read_from_its_functional_groups()
    {
        var ds = Dicom.DicomFile.Read(SharedData.Path("dicom", "dcm_qa_enh", "In", "Siemens", "XA10", "6_1.dcm")).Dataset;
        var timing = StudyReader.Timing(ds);
        Assert.Equal(new Analysis.Mri.MrTiming(30, 500, SpinEcho: false), timing);
        Assert.Equal(Analysis.Mri.MrWeighting.Unknown, timing.Weighting);
        var (sequence, note) = InputSequence.Resolve(null, timing);
        Assert.Equal("t2", sequence);
        Assert.Contains("(TE 30 ms, TR 500 ms, gradient echo) does not say T2-weighted", note);
    }

    /// <summary>Real single-frame MR files of the fo-dicom corpus; the timings are pydicom's reading of the same files. Only the T2 TSE is
    /// named: the localisers are gradient echo (GR) or research mode (RM), whose contrast the timing does not decide.</summary>
    [DataTheory]
    [InlineData("GH1339.dcm", 97.0, 8080.0, true, Analysis.Mri.MrWeighting.T2)]     // t2_tse_tra
    [InlineData("GH1261.dcm", 2.38, 4.52, false, Analysis.Mri.MrWeighting.Unknown)] // loc_MPR_cor, GR
    [InlineData("GH064.dcm", 5.355, 15.0, false, Analysis.Mri.MrWeighting.Unknown)] // Survey_MST, GR
    public void Real_MR_files_timing_matches_pydicom(string file, double te, double tr, bool spinEcho, Analysis.Mri.MrWeighting weighting)
    {
        var timing = StudyReader.Timing(Dicom.DicomFile.Read(SharedData.Path("dicom", "fodicom", "Tests_Test_Data", file)).Dataset);
        Assert.Equal(new Analysis.Mri.MrTiming(te, tr, spinEcho), timing);
        Assert.Equal(weighting, timing.Weighting);
    }
}
