using System.Text.Json.Nodes;
using DiscScope.TestSupport;

namespace DiscScope.Cli.Tests.Commands;

[Collection(ConsoleCollection.Name)]
public sealed class DicomCommandsTests
{
    [DataFact]
    public void DumpJsonPrintsTheDicomJsonModelWithBulkDataUris()
    {
        var (code, o, _) = CliRun.Run("dicom", "dump", SharedData.Path("dicom", "pydicom", "test_files", "CT_small.dcm"), "--json");
        Assert.Equal(0, code);
        var j = JsonNode.Parse(o)!.AsObject();
        Assert.Equal("CS", (string?)j["00080005"]!["vr"]);
        Assert.Equal("bulk:7FE00010", (string?)j["7FE00010"]!["BulkDataURI"]);
        Assert.False(j.ContainsKey("00020010")); // the JSON model holds the data set, not the File Meta Information
    }

    [DataFact]
    public void DumpOfANonDicomFileIsOneLineAndExitCode1()
    {
        var (code, _, err) = CliRun.Run("dicom", "dump", SharedData.Path("dicom", "dcm_qa_ts", "README.md"));
        Assert.Equal(1, code);
        Assert.Contains("not a DICOM file", err);
        Assert.Single(err.Trim().Split('\n'));
    }

    [DataFact]
    public void InfoReadsADicomFolderAsOneVolume()
    {
        var (code, o, _) = CliRun.Run("info", SharedData.Path("dicom", "dcmqi", "data", "segmentations", "ct-3slice"), "--json");
        Assert.Equal(0, code);
        var j = JsonNode.Parse(o)!;
        Assert.Equal("[512,512,3]", j["size"]!.ToJsonString());
        Assert.Equal("Int16", (string?)j["voxelType"]);
    }

    [DataFact]
    public void InfoDetectsADicomFileWithoutExtensionOrPreamble()
    {
        var (code, o, err) = CliRun.Run("info", SharedData.Path("dicom", "fodicom", "Tests_Test_Data", "CR-MONO1-10-chest"), "--json");
        Assert.True(code == 0, err);
        Assert.Equal(1, (int)JsonNode.Parse(o)!["size"]![2]!);
    }

    [DataFact]
    public void BenchPrintsThroughput()
    {
        var (code, o, _) = CliRun.Run("bench", "dicom", SharedData.Path("dicom", "dcm_qa_ts", "In"), "-n", "1");
        Assert.Equal(0, code);
        Assert.Contains("files/s", o);
        Assert.Contains("9 DICOM read", o);
    }
}
