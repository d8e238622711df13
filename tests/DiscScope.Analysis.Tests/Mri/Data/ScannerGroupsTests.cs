using DiscScope.Analysis.Mri.Data;

namespace DiscScope.Analysis.Tests.Mri.Data;

public class ScannerGroupsTests
{
    [Theory]
    [InlineData("Philips Healthcare", "Philips")]
    [InlineData("Philips Medical Systems", "Philips")]
    [InlineData("SIEMENS", "Siemens")]
    [InlineData("GE MEDICAL SYSTEMS", "GE")]
    [InlineData("TOSHIBA_MEC", "Canon/Toshiba")]
    [InlineData(" Hitachi ", "Hitachi")]
    [InlineData("  ", null)]
    [InlineData(null, null)]
    public void VendorsAreNamedOnce(string? manufacturer, string? vendor) => Assert.Equal(vendor, ScannerGroups.Vendor(manufacturer));

    [Theory]
    [InlineData(1.5, "1.5 T")]
    [InlineData(3.0, "3 T")]
    [InlineData(2.89362, "2.9 T")]
    [InlineData(0.0, null)]
    [InlineData(null, null)]
    public void FieldStrengthsAreRoundedToATenthOfATesla(double? tesla, string? group) => Assert.Equal(group, ScannerGroups.FieldStrength(tesla));
}
