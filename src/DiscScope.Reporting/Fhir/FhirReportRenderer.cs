using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace DiscScope.Reporting.Fhir;

/// <summary>fhir.json: the R4 Bundle of <see cref="FhirBundleBuilder"/>, serialised by the Firely SDK's System.Text.Json converter.</summary>
public sealed class FhirReportRenderer : IReportRenderer
{
    private static readonly JsonSerializerOptions Options = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector).Pretty();

    public string Format => "fhir";
    public string FileName => "fhir.json";
    public bool CanRender(ReportContext context) => true;

    public void Render(ReportContext context, Stream output) => JsonSerializer.Serialize(output, FhirBundleBuilder.Build(context.Report), Options);

    /// <summary>Parses a bundle written by this renderer (for tests and round trips).</summary>
    public static Bundle Parse(string json) => JsonSerializer.Deserialize<Bundle>(json, Options)
        ?? throw new ReportingException("fhir.json", "empty document");
}
