namespace DiscScope.Domain.Measurements;

/// <summary>Plain-language statements of how each measurement is taken; reports quote them next to the values.</summary>
public static class MeasurementMethods
{
    public const string DiscHeight =
        "Intervertebral space along the disc's normal (minor principal axis) at 10 %, 50 % and 90 % of its anterior-posterior length, each within a 1 mm band: from the upper vertebral body's endplate to the lower body's, so the dark endplate line that segmentation masks leave unlabelled (up to 4 mm in all) is counted; the disc mask's own extent where a neighbouring body is missing.";
    public const string DiscHeightIndex =
        "Mean disc height (anterior, middle, posterior) divided by the mean middle height of the two adjacent vertebral bodies.";
    public const string WedgeAngle =
        "Angle between straight lines fitted to the disc's upper and lower boundaries over the central 80 % of its length; positive = open anteriorly.";
    public const string PosteriorDisplacement =
        "Posterior-most extent of the disc beyond the mean of the adjacent vertebral bodies' posterior margins (each taken on the body's endplate: its pixels within 4 mm of the disc), along the disc axis (bulge/protrusion proxy).";
    public const string SignalIntensityRatio =
        "Mean T2 intensity of the disc's core (the central 30 % of its length, middle 40 % of its height there) over the mean intensity of the spinal canal within the disc's band (CSF reference).";
    public const string CanalApDiameter =
        "Extent of the canal mask along the disc axis within a 2 mm band around the disc's centre line.";
    public const string VertebralHeights =
        "Vertebral body (largest connected piece of the vertebra mask anterior to the canal) extent along the adjacent disc's normal at 10 %, 50 % and 90 % of its depth, the depth leaving out thin ends under 30 % of the body's median height (osteophyte lips); bodies cut by the image edge or under half the typical body height are not measured.";
    public const string Listhesis =
        "Offset between the upper body's posterior-inferior margin and the lower body's posterior-superior margin along the disc axis (each on the body's endplate: its pixels within 4 mm of the disc), as a percentage of the lower endplate's depth (Meyerding). Not measured where either body is missing: the segmentation has no sacrum class (its training masks leave the sacrum unlabelled), so at L5-S1 the slip is usually absent, and its absence says nothing about a listhesis there.";
    public const string Lordosis =
        "Angle between lines fitted to the L1 upper endplate and the S1 upper endplate (lower boundary of the L5-S1 disc).";
}
