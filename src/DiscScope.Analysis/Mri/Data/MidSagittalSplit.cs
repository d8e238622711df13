using System.Globalization;

namespace DiscScope.Analysis.Mri.Data;

/// <summary>
/// The fixed patient-level split of spider/midsag used by self-training: patients with an even SPIDER id may lend their mid-sagittal
/// slices as pseudo-labels; patients with an odd id are held out, so the level figures on them measure a model that never saw them.
/// </summary>
public static class MidSagittalSplit
{
    /// <summary>True for the held-out half (odd numeric patient id); a non-numeric id is held out too, so it can never leak into training.</summary>
    public static bool IsHeldOut(string patient) =>
        !int.TryParse(patient, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id % 2 == 1;
}
