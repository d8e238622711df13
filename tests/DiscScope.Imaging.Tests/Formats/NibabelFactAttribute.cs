namespace DiscScope.Imaging.Tests.Formats;

/// <summary>A fact that needs python3 with nibabel and numpy (scripts/test.sh installs them); skipped with the reason when absent.</summary>
public sealed class NibabelFactAttribute : FactAttribute
{
    public NibabelFactAttribute() { if (PeerPython.Nibabel is null) Skip = "python3 with nibabel and numpy not found (install python3-nibabel python3-numpy)"; }
}
