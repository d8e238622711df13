namespace DiscScope.Cli.Tests;

public class InputSequenceTests
{
    [Theory]
    [InlineData(null, 10.0, 500.0, "t1", "is T1-weighted, so it was taken as a T1")]
    [InlineData(null, 100.0, 3000.0, "t2", null)]
    [InlineData(null, null, null, "t2", null)]                // not DICOM, or no timing: the documented default
    [InlineData(null, 45.0, 4000.0, "t2", null)]              // the timing does not decide it
    [InlineData("t2", 10.0, 500.0, "t2", "--sequence t2 was given, but the input's DICOM timing (TE 10 ms, TR 500 ms) is T1-weighted")]
    [InlineData("t2_space", 10.0, 500.0, "t2_space", "is T1-weighted: graded as a T2, as asked")]
    [InlineData("t1", 100.0, 3000.0, "t1", "--sequence t1 was given, but the input's DICOM timing (TE 100 ms, TR 3000 ms) is T2-weighted")]
    [InlineData("t1", 10.0, 500.0, "t1", null)]
    [InlineData("t2", 100.0, 3000.0, "t2", null)]
    public void A_stated_sequence_wins_and_the_timing_decides_only_when_none_is_stated(string? requested, double? te, double? tr, string expected, string? note)
    {
        var (sequence, got) = InputSequence.Resolve(requested, te, tr);
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
        Assert.Contains("is T2-weighted", InputSequence.T1Refusal(100, 3000));
        Assert.Null(InputSequence.T1Refusal(10, 500));
        Assert.Null(InputSequence.T1Refusal(null, null));
    }
}
