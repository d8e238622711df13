using DiscScope.Analysis.Mri;

namespace DiscScope.Analysis.Tests.Mri;

public sealed class ModalityCheckTests
{
    [Theory]
    [InlineData("MR")]
    [InlineData("mr ")]
    [InlineData("")]
    [InlineData(null)]
    public void MR_or_an_unrecorded_modality_passes(string? modality) => Assert.Null(ModalityCheck.Of(modality));

    [Theory]
    [InlineData("CT")]
    [InlineData("CR")]
    [InlineData("DX")]
    [InlineData("OT")]
    public void Any_other_modality_is_refused_with_its_name(string modality)
    {
        var r = Assert.IsType<NoSagittalSpine>(ModalityCheck.Of(modality));
        Assert.Equal(NoSpineReason.NotMr, r.Kind);
        Assert.Contains($"modality is {modality}, not MR", r.Message);
    }
}
