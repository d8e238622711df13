namespace DiscScope.TestSupport;

/// <summary>A temporary folder removed on dispose.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir() { Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "discscope-test-" + Guid.NewGuid().ToString("N")[..12]); Directory.CreateDirectory(Path); }
    public string Path { get; }
    public string File(string name) => System.IO.Path.Combine(Path, name);
    public void Dispose() { try { Directory.Delete(Path, true); } catch (IOException) { } catch (UnauthorizedAccessException) { } }
}
