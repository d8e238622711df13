using Firely.Fhir.Validation;
using DiscScope.Reporting.Codes;
using DiscScope.Reporting.Fhir;
using DiscScope.Reporting.Tests.Fixtures;
using DiscScope.TestSupport;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using Xunit.Abstractions;

namespace DiscScope.Reporting.Tests.Fhir;

/// <summary>Peer: the Firely validator (Firely.Fhir.Validation.R4) against the R4 core specification (Hl7.Fhir.Specification.Data.R4).</summary>
public class FhirReportRendererTests(ITestOutputHelper output)
{
    private static readonly Lazy<Validator> SharedValidator = new(() =>
    {
        var resolver = new CachedResolver(ZipSource.CreateValidationSource());
        return new Validator(resolver, new LocalTerminologyService(resolver));
    });

    private static (Bundle Bundle, string Json) Render(TempDir t)
    {
        var ctx = PhantomReport.Create(t.Path);
        using (var fs = File.Create(t.File("fhir.json"))) new FhirReportRenderer().Render(ctx, fs);
        var json = File.ReadAllText(t.File("fhir.json"));
        return (FhirReportRenderer.Parse(json), json);
    }

    [Fact]
    public void BundleValidatesWithZeroErrors()
    {
        using var t = new TempDir();
        var (bundle, _) = Render(t);
        var errors = Errors(bundle);
        output.WriteLine($"Firely validation: {errors.Count} errors, {bundle.Entry.Count} entries");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    /// <summary>The validator is not vacuous: an Observation without its required status and code is reported.</summary>
    [Fact]
    public void ValidatorReportsABrokenObservation()
    {
        using var t = new TempDir();
        var (bundle, _) = Render(t);
        var o = bundle.Entry.Select(e => e.Resource).OfType<Observation>().First();
        o.Status = null;
        o.Code = null!;
        Assert.NotEmpty(Errors(bundle));
    }

    private static List<string> Errors(Bundle bundle) =>
        SharedValidator.Value.Validate(bundle).Issue
            .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{i.Location?.FirstOrDefault() ?? i.Expression?.FirstOrDefault()}: {i.Details?.Text ?? i.Diagnostics}").ToList();

    [Fact]
    public void OneObservationPerFindingAndMeasurementWithBodySite()
    {
        using var t = new TempDir();
        var ctx = PhantomReport.Create(t.Path);
        var (bundle, _) = Render(t);
        var obs = bundle.Entry.Select(e => e.Resource).OfType<Observation>().ToList();
        var report = Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<DiagnosticReport>());
        Assert.Equal(obs.Count, report.Result.Count);
        var l45 = obs.Where(o => o.BodySite?.Coding[0].Code == "84020006").ToList(); // SNOMED CT L4/L5 disc (DICOM CID 7604)
        var pf = Assert.Single(l45, o => o.Code.Coding[0].Code == DiscScopeCodes.PfirrmannGrade.Value);
        Assert.Equal("PFIRRMANN_4", Assert.IsType<CodeableConcept>(pf.Value).Coding[0].Code);
        var mid = Assert.Single(l45, o => o.Code.Coding[0].Code == DiscScopeCodes.DiscHeightMiddle.Value);
        var q = Assert.IsType<Quantity>(mid.Value);
        Assert.Equal("mm", q.Code);
        Assert.Equal("http://unitsofmeasure.org", q.System);
        // 4 decimal places are written; the model value rounded to them must match.
        Assert.Equal(Math.Round(ctx.Report.Levels.Single(l => l.Level.ToString() == "L4-L5").Measurements!.Heights.Middle.Value, 4), (double)q.Value!.Value, 6);
        // Every level reports its 8 gradings except T12-L1 whose lower endplate is not assessed in the fixture.
        Assert.Equal(ctx.Report.Levels.Count * 8 - 1, obs.Count(o => o.Code.Coding[0].System == DiscScopeCodes.FhirSystem && o.Value is CodeableConcept));
        Assert.All(obs, o => Assert.NotNull(o.BodySite));
    }
}
