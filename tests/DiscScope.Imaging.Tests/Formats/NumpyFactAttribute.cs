namespace DiscScope.Imaging.Tests.Formats;

/// <summary>A fact that needs python3 with numpy; skipped with the reason when absent.</summary>
public sealed class NumpyFactAttribute : FactAttribute
{
    public NumpyFactAttribute() { if (PeerPython.Numpy is null) Skip = "python3 with numpy not found (install python3-numpy)"; }
}
