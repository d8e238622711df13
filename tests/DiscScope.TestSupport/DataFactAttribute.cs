namespace DiscScope.TestSupport;

/// <summary>A fact that needs ../shared/data; skipped with the stated reason when the folder is absent (in CI it is present and runs).</summary>
public sealed class DataFactAttribute : FactAttribute
{
    public DataFactAttribute() { if (!SharedData.Available) Skip = SharedData.AbsentReason; }
}
