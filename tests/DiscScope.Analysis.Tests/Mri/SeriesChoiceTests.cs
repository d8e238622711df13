using DiscScope.Analysis.Mri;

namespace DiscScope.Analysis.Tests.Mri;

public class SeriesChoiceTests
{
    private static SeriesCandidate S(string uid, int frames, bool sagittal, MrWeighting w) => new(uid, uid, frames, sagittal, w);

    // A PACS export, largest first: an axial T2 stack, a localiser, the sagittal T1 and the sagittal T2.
    private static readonly SeriesCandidate[] Study =
    [
        S("ax-t2", 40, false, MrWeighting.T2), S("sag-t1", 15, true, MrWeighting.T1), S("sag-t2", 15, true, MrWeighting.T2), S("loc", 3, true, MrWeighting.Unknown),
    ];

    [Fact]
    public void The_input_is_the_sagittal_T2_and_its_T1_the_sagittal_T1()
    {
        var (input, t1, note) = SeriesChoice.Pick(Study, null, wantT1: true);
        Assert.Equal("sag-t2", Study[input].Uid);
        Assert.Equal("sag-t1", Study[t1!.Value].Uid);
        Assert.StartsWith("4 series found: the input is sag-t2 (sag-t2, 15 frames, sagittal, T2-weighted), its T1 sag-t1", note);
    }

    [Fact]
    public void A_given_T1_is_not_replaced_and_t1_asks_for_the_T1_series()
    {
        Assert.Null(SeriesChoice.Pick(Study, null, wantT1: false).T1);
        var (input, t1, _) = SeriesChoice.Pick(Study, "t1", wantT1: true);
        Assert.Equal("sag-t1", Study[input].Uid);
        Assert.Null(t1);
    }

    [Fact]
    public void Without_a_sagittal_T2_an_unknown_sagittal_series_comes_before_the_T1_and_without_any_sagittal_the_largest()
    {
        SeriesCandidate[] noT2 = [S("ax", 40, false, MrWeighting.T2), S("sag-t1", 15, true, MrWeighting.T1), S("sag-stir", 15, true, MrWeighting.Unknown)];
        var (input, t1, _) = SeriesChoice.Pick(noT2, null, wantT1: true);
        Assert.Equal("sag-stir", noT2[input].Uid);
        Assert.Equal("sag-t1", noT2[t1!.Value].Uid);

        SeriesCandidate[] onlyT1 = [S("ax", 40, false, MrWeighting.T2), S("sag-t1", 15, true, MrWeighting.T1)];
        (input, t1, _) = SeriesChoice.Pick(onlyT1, null, wantT1: true);
        Assert.Equal("sag-t1", onlyT1[input].Uid); // analysed as a T1 (measured, not graded) rather than an axial stack
        Assert.Null(t1);

        SeriesCandidate[] axial = [S("ax1", 40, false, MrWeighting.T2), S("ax2", 30, false, MrWeighting.T1)];
        var (i, _, n) = SeriesChoice.Pick(axial, null, wantT1: true);
        Assert.Equal(0, i);
        Assert.EndsWith("it is not sagittal (nor is any other series but localisers)", n);
    }

    [Fact]
    public void A_localiser_is_never_the_input_while_there_is_anything_else()
    {
        // A sagittal gradient-echo localiser (weighting unknown) beside an axial T2: the axial stack is read (and found not sagittal)
        // rather than a planning scan graded as if it were a diagnostic T2.
        SeriesCandidate[] study = [S("ax-t2", 40, false, MrWeighting.T2), new("loc", "loc", 3, true, MrWeighting.Unknown, Localizer: true)];
        var (input, _, note) = SeriesChoice.Pick(study, null, wantT1: true);
        Assert.Equal("ax-t2", study[input].Uid);
        Assert.EndsWith("it is not sagittal (nor is any other series but localisers)", note);
        SeriesCandidate[] onlyLocalizers = [new("loc1", "loc1", 3, true, MrWeighting.Unknown, true), new("loc2", "loc2", 5, false, MrWeighting.Unknown, true)];
        Assert.Equal("loc1", onlyLocalizers[SeriesChoice.Pick(onlyLocalizers, null, wantT1: true).Input].Uid);
    }

    [Fact]
    public void One_series_is_read_as_it_is() =>
        Assert.Equal((0, (int?)null, (string?)null), SeriesChoice.Pick([S("ax", 4, false, MrWeighting.T1)], null, wantT1: true));
}
