using System.Text.Json;
using Json.Schema;

namespace DiscScope.Reporting.Tests.Fixtures;

/// <summary>The checked-in JSON Schema (docs/schemas/discscope.report.schema.json), evaluated by JsonSchema.Net.</summary>
public static class ReportSchema
{
    public static string SchemaPath
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "docs", "schemas", "discscope.report.schema.json"))) dir = dir.Parent;
            return Path.Combine(dir?.FullName ?? throw new FileNotFoundException("docs/schemas not found above " + AppContext.BaseDirectory), "docs", "schemas", "discscope.report.schema.json");
        }
    }

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(SchemaPath)));

    /// <summary>The errors of a document (empty when valid).</summary>
    public static IReadOnlyList<string> Errors(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var result = Schema.Value.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return [];
        return (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")).DefaultIfEmpty("invalid").ToList();
    }
}
