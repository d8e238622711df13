namespace DiscScope.Dicom.Tests;

public sealed class DicomDatasetTests
{
    [Fact]
    public void PrivateTagsAreFoundThroughTheirCreatorsBlock()
    {
        var ds = new DicomDataset();
        ds.SetString(new DicomTag(0x0029, 0x0010), DicomVR.LO, "SIEMENS CSA HEADER");
        ds.SetString(new DicomTag(0x0029, 0x0011), DicomVR.LO, "SIEMENS MEDCOM HEADER");
        ds.Add(new DicomElement(new DicomTag(0x0029, 0x1108), DicomVR.OB, new byte[] { 1, 2 }));
        // A write/read round trip keeps the creators and their blocks.
        var back = DicomFile.Read(DicomWriter.ToBytes(new DicomFile(new DicomDataset(), ds, TransferSyntax.ExplicitVRLittleEndian, null, "mem")), "mem").Dataset;
        Assert.Equal(new DicomTag(0x0029, 0x1008), back.FindPrivateTag(0x0029, "SIEMENS CSA HEADER", 0x08)); // block 10
        Assert.Equal(new DicomTag(0x0029, 0x1108), back.FindPrivateTag(0x0029, "SIEMENS MEDCOM HEADER", 0x08)); // block 11
        Assert.Equal(new byte[] { 1, 2 }, back[back.FindPrivateTag(0x0029, "SIEMENS MEDCOM HEADER", 0x08)!.Value]!.Value.ToArray());
        Assert.Null(back.FindPrivateTag(0x0029, "GEMS_IDEN_01", 0x01));
        Assert.True(new DicomTag(0x0029, 0x0010).IsPrivateCreator);
        Assert.Throws<ArgumentException>(() => back.FindPrivateTag(0x0028, "X", 0));
    }

    [Fact]
    public void ElementsStayInTagOrderAndReplaceByTag()
    {
        var ds = new DicomDataset();
        ds.SetString(new DicomTag(0x0010, 0x0020), DicomVR.LO, "B");
        ds.SetString(new DicomTag(0x0008, 0x0060), DicomVR.CS, "MR");
        ds.SetString(new DicomTag(0x0010, 0x0020), DicomVR.LO, "C");
        Assert.Equal(new[] { 0x00080060u, 0x00100020u }, ds.Select(e => e.Tag.Value).ToArray());
        Assert.Equal("C", ds.GetString(new DicomTag(0x0010, 0x0020)));
    }

    [Fact]
    public void CharacterSetAppliesToItsDataSetAndItems()
    {
        var ds = new DicomDataset();
        ds.SetString(DicomTag.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
        var item = new DicomDataset(ds);
        item.Add(new DicomElement(new DicomTag(0x0010, 0x0010), DicomVR.PN, "Müller^Jörg"u8.ToArray()));
        Assert.Equal("Müller^Jörg", item.GetString(new DicomTag(0x0010, 0x0010)));
        var latin = new DicomDataset();
        latin.Add(new DicomElement(new DicomTag(0x0010, 0x0010), DicomVR.PN, new byte[] { (byte)'M', 0xFC, (byte)'l' }));
        Assert.Equal("Mül", latin.GetString(new DicomTag(0x0010, 0x0010))); // default repertoire read as ISO 8859-1, like pydicom
    }
}
