using DiscScope.TestSupport;

namespace DiscScope.Imaging.Tests.Formats;

/// <summary>A theory over shared data that also needs python3 with nibabel; skipped with the reason when either is absent.</summary>
public sealed class NibabelDataTheoryAttribute : TheoryAttribute
{
    public NibabelDataTheoryAttribute()
    {
        if (!SharedData.Available) Skip = SharedData.AbsentReason;
        else if (PeerPython.Nibabel is null) Skip = "python3 with nibabel and numpy not found (install python3-nibabel python3-numpy)";
    }
}
