namespace DiscScope.Reporting.Json;

/// <summary>The JSON Schema of "discscope.report/1" (docs/schemas/discscope.report.schema.json, embedded at build time) for hosts that serve or check it.</summary>
public static class ReportJsonSchema
{
    public static string Text { get; } = Load();

    private static string Load()
    {
        using var s = typeof(ReportJsonSchema).Assembly.GetManifestResourceStream("discscope.report.schema.json")
            ?? throw new ReportingException("schema", "embedded resource discscope.report.schema.json is missing");
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }
}
