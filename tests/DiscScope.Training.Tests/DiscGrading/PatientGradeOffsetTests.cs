using DiscScope.Training.DiscGrading;

namespace DiscScope.Training.Tests.DiscGrading;

public sealed class PatientGradeOffsetTests
{
    [Fact]
    public void The_offset_is_the_mean_of_reference_minus_expected_grade_per_patient()
    {
        var offsets = PatientGradeOffset.Of(
        [
            ("B", 0, [0.0, 0.0, 1.0, 0.0, 0.0]),   // reference 0, expected 2: -2
            ("A", 3, [0.0, 0.5, 0.5, 0.0, 0.0]),   // 3 - 1.5 = +1.5
            ("B", 1, [0.0, 0.0, 0.0, 1.0, 0.0]),   // 1 - 3 = -2
            ("A", 2, [0.0, 0.0, 0.0, 0.0, 2.0]),   // unnormalised: expected 4, 2 - 4 = -2
        ]);
        Assert.Equal(["A", "B"], offsets.Select(o => o.Patient));
        Assert.Equal(2, offsets[0].Discs);
        Assert.Equal(-0.25, offsets[0].MeanOffset, 12);
        Assert.Equal(-2, offsets[1].MeanOffset, 12);
    }

    [Fact]
    public void A_distribution_without_mass_is_refused()
    {
        Assert.Throws<ArgumentException>(() => PatientGradeOffset.ExpectedClass([0.0, 0.0]));
        Assert.Throws<ArgumentException>(() => PatientGradeOffset.ExpectedClass([double.NaN, 1.0]));
        Assert.Equal(1.0, PatientGradeOffset.ExpectedClass([0.25, 0.5, 0.25]), 12);
    }
}
