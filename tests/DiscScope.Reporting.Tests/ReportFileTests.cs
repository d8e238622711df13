using DiscScope.Reporting;

namespace DiscScope.Reporting.Tests;

public sealed class ReportFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("discscope-reportfile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_renderer_that_fails_half_way_leaves_no_truncated_file()
    {
        var path = Path.Combine(_dir, "report.json");
        var e = Assert.Throws<ReportingException>(() => ReportFile.Write(path, s =>
        {
            s.Write("{\"schema\":"u8);
            throw new ReportingException("report.json", "height_index is not a finite number (Infinity)");
        }));
        Assert.Contains("Infinity", e.Message);
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public void A_failed_rewrite_keeps_the_earlier_complete_file_and_a_success_replaces_it()
    {
        var path = Path.Combine(_dir, "report.json");
        ReportFile.Write(path, s => s.Write("first"u8));
        Assert.ThrowsAny<Exception>(() => ReportFile.Write(path, s => { s.Write("sec"u8); throw new IOException("disk full"); }));
        Assert.Equal("first", File.ReadAllText(path));
        ReportFile.Write(path, s => s.Write("second"u8));
        Assert.Equal("second", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_dir));
    }
}
