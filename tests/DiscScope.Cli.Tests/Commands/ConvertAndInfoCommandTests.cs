using System.Text.Json;
using DiscScope.Imaging;
using DiscScope.Imaging.Formats;
using DiscScope.Imaging.Geometry;
using DiscScope.TestSupport;

namespace DiscScope.Cli.Tests.Commands;

/// <summary>`discscope convert` and `discscope info --json` over the formats: exit codes 0 / 1 (bad input) / 2 (usage).</summary>
[Collection(ConsoleCollection.Name)]
public class ConvertAndInfoCommandTests
{
    private static readonly FormatRegistry Formats = DefaultFormats.Create();

    private static Volume<short> Sample()
    {
        var g = new ImageGeometry(6, 5, 4, new Vec3(0.5, 0.75, 3), new Vec3(-10, 20, 5), Matrix3.FromColumns(new(0, 1, 0), new(0, 0, -1), new(1, 0, 0)));
        var v = new Volume<short>(g);
        for (var n = 0; n < v.Voxels.Length; n++) v.Voxels[n] = (short)(n * 3 - 50);
        return v;
    }

    [Theory]
    [InlineData("in.nii.gz", "out.mha")]
    [InlineData("in.mha", "out.nii")]
    [InlineData("in.nii", "out.mhd")]
    [InlineData("in.mhd", "out.nii.gz")]
    [InlineData("in.nii", "out.npy")]
    public void ConvertKeepsVoxelsAndGeometry(string input, string output)
    {
        using var tmp = new TempDir();
        var v = Sample();
        Formats.Write(v, tmp.File(input));
        var (exit, _, err) = CliRun.Run("convert", tmp.File(input), tmp.File(output));
        Assert.True(exit == 0, err);
        var back = Formats.Read(tmp.File(output));
        Assert.Equal(VoxelType.Int16, back.VoxelType);
        Assert.True(v.AsBytes().SequenceEqual(back.AsBytes()));
        // 1e-6 mm: the sample geometry is float32-exact, so only .npy (no geometry at all) may differ.
        if (!output.EndsWith(".npy", StringComparison.Ordinal)) Assert.True(v.Geometry.SameAs(back.Geometry, 1e-6), back.Geometry.ToString());
    }

    [Fact]
    public void InfoJsonReportsTheGeometry()
    {
        using var tmp = new TempDir();
        Formats.Write(Sample(), tmp.File("s.nii"));
        var (exit, output, err) = CliRun.Run("info", tmp.File("s.nii"), "--json");
        Assert.True(exit == 0, err);
        using var doc = JsonDocument.Parse(output);
        var r = doc.RootElement;
        Assert.Equal(new[] { 6, 5, 4 }, r.GetProperty("size").EnumerateArray().Select(x => x.GetInt32()));
        Assert.Equal(new[] { 0.5, 0.75, 3 }, r.GetProperty("spacing").EnumerateArray().Select(x => x.GetDouble()));
        Assert.Equal(new[] { -10.0, 20, 5 }, r.GetProperty("origin").EnumerateArray().Select(x => x.GetDouble()));
        Assert.Equal("PIL", r.GetProperty("orientation").GetString());
        Assert.Equal("Int16", r.GetProperty("voxelType").GetString());
        Assert.Equal(-50, r.GetProperty("min").GetDouble());
        Assert.Equal(119 * 3 - 50, r.GetProperty("max").GetDouble());
    }

    [DataFact]
    public void ConvertsARealPngWithPixelSpacing()
    {
        var png = Directory.GetFiles(SharedData.Path("spider", "midsag"), "*.png").Order(StringComparer.Ordinal).First();
        using var tmp = new TempDir();
        var (exit, _, err) = CliRun.Run("convert", png, tmp.File("slice.nii.gz"), "--pixel-spacing", "0.6,0.7");
        Assert.True(exit == 0, err);
        var v = Formats.Read(tmp.File("slice.nii.gz"));
        Assert.Equal(VoxelType.UInt8, v.VoxelType);
        Assert.Equal(1, v.Geometry.SizeK);
        // (row, column) = (0.6, 0.7): i steps along a row by the column spacing. 1e-6: float32 storage of 0.6 and 0.7.
        Assert.True(v.Geometry.Spacing.MaxAbsDifference(new Vec3(0.7, 0.6, 1)) < 1e-6, v.Geometry.ToString());
        var (exit2, output, _) = CliRun.Run("info", png, "--json");
        Assert.Equal(0, exit2);
        Assert.Equal(v.Geometry.SizeI, JsonDocument.Parse(output).RootElement.GetProperty("size")[0].GetInt32());
    }

    [DataFact]
    public void InfoJsonOnARealMetaImage()
    {
        var mha = Directory.GetFiles(SharedData.Path("mri3d", "fmrp_ivd"), "*_image.mha").Order(StringComparer.Ordinal).First();
        var (exit, output, err) = CliRun.Run("info", mha, "--json");
        Assert.True(exit == 0, err);
        var r = JsonDocument.Parse(output).RootElement;
        // DimSize = 221 221 67 and MET_USHORT in the header of every fmrp_ivd image (see its MANIFEST).
        Assert.Equal(new[] { 221, 221, 67 }, r.GetProperty("size").EnumerateArray().Select(x => x.GetInt32()));
        Assert.Equal("UInt16", r.GetProperty("voxelType").GetString());
    }

    [Theory]
    [InlineData("garbage.nii")]
    [InlineData("garbage.mha")]
    [InlineData("garbage.png")]
    [InlineData("garbage.npy")]
    [InlineData("garbage.nii.gz")]
    public void BadInputExitsWithOneAndOneLine(string name)
    {
        using var tmp = new TempDir();
        File.WriteAllBytes(tmp.File(name), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
        var (exit, _, err) = CliRun.Run("convert", tmp.File(name), tmp.File("out.nii"));
        Assert.Equal(1, exit);
        Assert.StartsWith("discscope: ", err);
        Assert.Contains(name, err);
        Assert.Single(err.Trim().Split('\n'));
        Assert.False(File.Exists(tmp.File("out.nii")));
        (exit, _, _) = CliRun.Run("info", tmp.File(name), "--json");
        Assert.Equal(1, exit);
    }

    [Fact]
    public void UnwritableTargetsExitWithOne()
    {
        using var tmp = new TempDir();
        Formats.Write(Sample(), tmp.File("s.nii"));
        Assert.Equal(1, CliRun.Run("convert", tmp.File("s.nii"), tmp.File("out.png")).Exit); // 4 slices do not fit a PNG
        Assert.Equal(1, CliRun.Run("convert", tmp.File("s.nii"), tmp.File("out.xyz")).Exit); // no format for the name
        Assert.Equal(1, CliRun.Run("convert", tmp.File("absent.nii"), tmp.File("out.nii")).Exit);
    }

    [Fact]
    public void MissingArgumentsExitWithTwo()
    {
        using var tmp = new TempDir();
        Formats.Write(Sample(), tmp.File("s.nii"));
        Assert.Equal(2, CliRun.Run("convert", tmp.File("s.nii")).Exit);
        Assert.Equal(2, CliRun.Run("convert").Exit);
        Assert.Equal(2, CliRun.Run("info").Exit);
    }
}
