using DiscScope.Domain.Anatomy;
using DiscScope.Domain.Measurements;
using DiscScope.Domain.Reports;
using DiscScope.Reporting.Codes;
using Hl7.Fhir.Model;

namespace DiscScope.Reporting.Fhir;

/// <summary>
/// Builds the FHIR R4 Bundle (type collection) of a report with the Firely SDK: Patient (when an ID is known), a Device for
/// DiscScope and its models, one DiagnosticReport (status preliminary: machine output awaiting a reader) and one
/// Observation per finding and per measurement, each with the disc or vertebra coded in bodySite (SNOMED CT), values as
/// coded concepts (grades) or UCUM quantities (measurements), and the model probability as a component.
/// </summary>
public static class FhirBundleBuilder
{
    private const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";

    public static Bundle Build(StudyReport r)
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Collection, Timestamp = r.Created, Id = Guid.NewGuid().ToString() };
        ResourceReference? subject = null;
        if (r.Source.PatientId is { } pid)
        {
            var patient = new Patient { Identifier = [new Identifier { Value = pid }] };
            if (r.Source.PatientName is { } pn) patient.Name = [PersonName(pn)];
            subject = Add(bundle, patient);
        }
        var device = new Device
        {
            DeviceName = [new Device.DeviceNameComponent { Name = "DiscScope", Type = DeviceNameType.ManufacturerName }],
            Version = [new Device.VersionComponent { Type = new CodeableConcept { Text = "software" }, Value = r.SoftwareVersion },
                .. r.Models.Select(m => new Device.VersionComponent { Type = new CodeableConcept { Text = m.Name }, Value = m.Version })],
            Note = [new Annotation { Text = StudyReport.Disclaimer }],
        };
        var deviceRef = Add(bundle, device);

        var results = new List<ResourceReference>();
        foreach (var l in r.Levels)
        {
            var site = Concept(AnatomyCodes.Disc(l.Level), l.Level + " intervertebral disc");
            foreach (var g in Enum.GetValues<Grading>())
                if (GradeObservation(l, g, site) is { } o) results.Add(Add(bundle, Common(o, r, subject, deviceRef)));
            if (l.Measurements is { } m)
                foreach (var o in MeasurementObservations(m, site)) results.Add(Add(bundle, Common(o, r, subject, deviceRef)));
        }
        foreach (var v in r.Vertebrae)
        {
            var o = new Observation
            {
                Code = Concept(DiscScopeCodes.VertebralHeights, null),
                BodySite = Concept(AnatomyCodes.Vertebra(v.Level), v.Level + " vertebra"),
                Method = Method(MeasurementMethods.VertebralHeights),
                Component =
                [
                    HeightComponent("anterior", v.Heights.Anterior.Value), HeightComponent("middle", v.Heights.Middle.Value), HeightComponent("posterior", v.Heights.Posterior.Value),
                ],
            };
            results.Add(Add(bundle, Common(o, r, subject, deviceRef)));
        }

        if (r.LumbarLordosis is { } lo)
        {
            var o = new Observation
            {
                Code = Concept(DiscScopeCodes.LumbarLordosis, null),
                BodySite = Concept(AnatomyCodes.LumbarSpine, null),
                Method = Method(MeasurementMethods.Lordosis),
                Value = new Quantity { Value = (decimal)Math.Round(lo.Value, 4), Unit = StandardCodes.Degree.Meaning, System = StandardCodes.Degree.FhirSystem, Code = StandardCodes.Degree.Value },
            };
            results.Add(Add(bundle, Common(o, r, subject, deviceRef)));
        }

        var report = new DiagnosticReport
        {
            Status = DiagnosticReport.DiagnosticReportStatus.Preliminary,
            Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/v2-0074", "RAD", "Radiology")],
            Code = Concept(StandardCodes.MrLumbarSpine, null),
            Subject = subject,
            Effective = new FhirDateTime(r.Created),
            Issued = r.Created,
            Result = results,
            Conclusion = r.CannotAssess is { } why ? "Could not assess: " + why + " " + StudyReport.Disclaimer : StudyReport.Disclaimer,
        };
        if (r.Source.StudyInstanceUid is { } uid)
            report.Identifier = [new Identifier("urn:dicom:uid", "urn:oid:" + uid)];
        bundle.Entry.Insert(0, new Bundle.EntryComponent { FullUrl = Urn(), Resource = report });
        return bundle;
    }

    private static Observation Common(Observation o, StudyReport r, ResourceReference? subject, ResourceReference device)
    {
        o.Status = ObservationStatus.Preliminary;
        o.Category = [new CodeableConcept(ObservationCategory, "imaging", "Imaging")];
        o.Subject = subject;
        o.Effective = new FhirDateTime(r.Created);
        o.Device = device;
        return o;
    }

    private static Observation? GradeObservation(LevelReport l, Grading g, CodeableConcept site)
    {
        var o = new Observation { Code = Concept(DiscScopeCodes.Of(g), null), BodySite = site };
        bool uncertain;
        switch (g)
        {
            case Grading.Pfirrmann or Grading.Modic:
                var grade = g == Grading.Pfirrmann ? l.Grades.Pfirrmann : l.Grades.Modic;
                if (grade is null) return null;
                o.Value = Concept(g == Grading.Pfirrmann ? DiscScopeCodes.PfirrmannValue(grade.Value) : DiscScopeCodes.ModicValue(grade.Value), null);
                var first = g == Grading.Pfirrmann ? 1 : 0;
                for (var i = 0; i < grade.Probabilities.Count; i++)
                {
                    var cls = g == Grading.Pfirrmann ? DiscScopeCodes.PfirrmannValue(first + i) : DiscScopeCodes.ModicValue(first + i);
                    o.Component.Add(new Observation.ComponentComponent
                    {
                        Code = new CodeableConcept { Coding = [Coding(DiscScopeCodes.Probability)], Text = "Probability of " + cls.Meaning },
                        Value = Probability(grade.Probabilities[i]),
                    });
                }
                uncertain = grade.Uncertain;
                break;
            default:
                var f = GradingNames.Finding(l.Grades, g);
                if (f is null) return null;
                o.Value = Concept(f.Present ? StandardCodes.Present : StandardCodes.Absent, null);
                o.Component.Add(new Observation.ComponentComponent
                {
                    Code = new CodeableConcept { Coding = [Coding(DiscScopeCodes.Probability)], Text = "Probability of present" },
                    Value = Probability(f.Probability),
                });
                uncertain = f.Uncertain;
                break;
        }
        o.Component.Add(new Observation.ComponentComponent { Code = Concept(DiscScopeCodes.ReviewRecommended, null), Value = new FhirBoolean(uncertain) });
        return o;
    }

    private static IEnumerable<Observation> MeasurementObservations(DiscMeasurement m, CodeableConcept site)
    {
        Observation Q(CodedConcept code, double value, CodedConcept unit, string method) => new()
        {
            Code = Concept(code, null), BodySite = site, Method = Method(method),
            Value = new Quantity { Value = (decimal)Math.Round(value, 4), Unit = unit.Meaning, System = unit.FhirSystem, Code = unit.Value },
        };
        yield return Q(DiscScopeCodes.DiscHeightAnterior, m.Heights.Anterior.Value, StandardCodes.Millimetre, MeasurementMethods.DiscHeight);
        yield return Q(DiscScopeCodes.DiscHeightMiddle, m.Heights.Middle.Value, StandardCodes.Millimetre, MeasurementMethods.DiscHeight);
        yield return Q(DiscScopeCodes.DiscHeightPosterior, m.Heights.Posterior.Value, StandardCodes.Millimetre, MeasurementMethods.DiscHeight);
        if (m.HeightIndex is { } dhi) yield return Q(DiscScopeCodes.DiscHeightIndex, dhi, StandardCodes.NoUnits, MeasurementMethods.DiscHeightIndex);
        yield return Q(DiscScopeCodes.WedgeAngle, m.WedgeAngle.Value, StandardCodes.Degree, MeasurementMethods.WedgeAngle);
        if (m.PosteriorDisplacement is { } pd) yield return Q(DiscScopeCodes.PosteriorDisplacement, pd.Value, StandardCodes.Millimetre, MeasurementMethods.PosteriorDisplacement);
        if (m.SignalIntensityRatio is { } si) yield return Q(DiscScopeCodes.SignalIntensityRatio, si, StandardCodes.NoUnits, MeasurementMethods.SignalIntensityRatio);
        if (m.CanalApDiameter is { } c) yield return Q(DiscScopeCodes.CanalApDiameter, c.Value, StandardCodes.Millimetre, MeasurementMethods.CanalApDiameter);
        if (m.Listhesis is { } s)
        {
            yield return Q(DiscScopeCodes.ListhesisSlip, s.Slip.Value, StandardCodes.Millimetre, MeasurementMethods.Listhesis);
            yield return Q(DiscScopeCodes.ListhesisPercent, s.Percent, StandardCodes.Percent, MeasurementMethods.Listhesis);
        }
    }

    private static Observation.ComponentComponent HeightComponent(string station, double mm) => new()
    {
        Code = new CodeableConcept { Text = station + " height" },
        Value = new Quantity { Value = (decimal)Math.Round(mm, 4), Unit = "millimeter", System = "http://unitsofmeasure.org", Code = "mm" },
    };

    private static Quantity Probability(double p) =>
        new() { Value = (decimal)Math.Round(p, 6), Unit = "probability", System = "http://unitsofmeasure.org", Code = "1" };

    private static CodeableConcept Method(string text) => new() { Coding = [Coding(DiscScopeCodes.DiscScopeMethod)], Text = text };

    private static CodeableConcept Concept(CodedConcept c, string? text) => new() { Coding = [Coding(c)], Text = text ?? c.Meaning };

    private static Coding Coding(CodedConcept c) => new(c.FhirSystem, c.Value, c.Meaning);

    private static HumanName PersonName(string dicomName)
    {
        var p = dicomName.Split('^');
        var n = new HumanName { Family = p[0] };
        if (p.Length > 1 && p[1].Length > 0) n.Given = [p[1]];
        return n;
    }

    private static ResourceReference Add(Bundle b, Resource r)
    {
        var url = Urn();
        b.Entry.Add(new Bundle.EntryComponent { FullUrl = url, Resource = r });
        return new ResourceReference(url);
    }

    private static string Urn() => "urn:uuid:" + Guid.NewGuid().ToString();
}
