namespace DiscScope.TestSupport;

/// <summary>A theory that needs ../shared/data; skipped with the stated reason when the folder is absent.</summary>
public sealed class DataTheoryAttribute : TheoryAttribute
{
    public DataTheoryAttribute() { if (!SharedData.Available) Skip = SharedData.AbsentReason; }
}
