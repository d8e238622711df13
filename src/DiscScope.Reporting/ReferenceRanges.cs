namespace DiscScope.Reporting;

/// <summary>
/// Indicative adult reference ranges quoted next to measurements in the HTML and PDF reports. They orient the reader;
/// they are not diagnostic thresholds and depend on age, sex, level and method.
/// </summary>
public static class ReferenceRanges
{
    /// <summary>Lumbar disc height at mid-disc on sagittal MRI: roughly 7–14 mm in adults (larger at L4-L5, smaller at T12-L1).</summary>
    public static readonly ReferenceRange DiscHeightMiddle = new("Disc height (middle)", 7, 14, "mm", "approximate adult lumbar range on sagittal MRI");

    /// <summary>Disc height / adjacent vertebral height: about 0.25–0.5 in healthy lumbar discs.</summary>
    public static readonly ReferenceRange DiscHeightIndex = new("Disc height index", 0.25, 0.5, "", "ratio of disc to vertebral body height; approximate healthy lumbar range");

    /// <summary>Disc/CSF T2 signal ratio: a bright nucleus is close to CSF; low ratios suggest dehydration (Pfirrmann ≥ 3).</summary>
    public static readonly ReferenceRange SignalIntensityRatio = new("Disc/CSF signal ratio", 0.5, null, "", "DiscScope default; low values accompany disc dehydration");

    /// <summary>Posterior disc displacement beyond the vertebral margins: up to about 2 mm is within normal variation.</summary>
    public static readonly ReferenceRange PosteriorDisplacement = new("Posterior displacement", null, 2, "mm", "DiscScope default bulge/protrusion proxy");

    /// <summary>Mid-sagittal bony canal AP diameter: ≥ 12 mm normal, 10–12 mm relative, &lt; 10 mm absolute stenosis (Verbiest).</summary>
    public static readonly ReferenceRange CanalAp = new("Canal AP diameter", 12, null, "mm", "Verbiest: < 10 mm absolute, 10–12 mm relative stenosis");

    /// <summary>Slip below 5 % of the endplate depth counts as none (Meyerding 0).</summary>
    public static readonly ReferenceRange ListhesisPercent = new("Listhesis", -5, 5, "%", "Meyerding: ≥ 5 % = grade I");

    /// <summary>Vertebral wedge and crush ratios ≥ 0.8 (Genant semi-quantitative: a 20 % height loss is grade 1).</summary>
    public static readonly ReferenceRange VertebralRatio = new("Vertebral height ratio", 0.8, null, "", "Genant: < 0.8 = deformity");

    /// <summary>L1–S1 lordosis: roughly 30–80° in adults (wide normal variation, Roussouly types).</summary>
    public static readonly ReferenceRange Lordosis = new("Lumbar lordosis (L1–S1)", 30, 80, "°", "approximate adult range");
}
