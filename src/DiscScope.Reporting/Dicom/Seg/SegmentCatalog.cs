using DiscScope.Domain.Anatomy;
using DiscScope.Imaging;
using DiscScope.Reporting.Codes;

namespace DiscScope.Reporting.Dicom.Seg;

/// <summary>
/// The segments of a DiscScope label map, in a fixed order shared by the SEG and the SR's segment references: vertebrae
/// cranial to caudal (sacrum last), then discs cranial to caudal, then the canal. Numbers run 1..n in that order.
/// </summary>
public static class SegmentCatalog
{
    public static IReadOnlyList<SegmentDefinition> From(LabelMap labels)
    {
        var present = labels.Present().Where(l => l != SpineLabel.Background).ToList();
        var vertebrae = present.Where(l => SpineLabel.StructureOf(l) == Structure.Vertebra).Select(l => (Label: l, Level: SpineLabel.VertebraOf(l))).OrderBy(v => v.Level);
        var discs = present.Where(l => SpineLabel.StructureOf(l) == Structure.Disc).Select(l => (Label: l, Level: DiscLevel.FromSpiderIvdLabel(l - SpineLabel.DiscBase))).OrderBy(d => d.Level.Upper);
        var list = new List<SegmentDefinition>();
        foreach (var v in vertebrae) list.Add(new(list.Count + 1, v.Label, v.Level == VertebraLevel.S1 ? "Sacrum" : $"{v.Level} vertebra", AnatomyCodes.Vertebra(v.Level)));
        foreach (var d in discs) list.Add(new(list.Count + 1, d.Label, $"{d.Level} disc", AnatomyCodes.Disc(d.Level)));
        if (present.Contains(SpineLabel.Canal)) list.Add(new(list.Count + 1, SpineLabel.Canal, "Spinal canal", AnatomyCodes.SpinalCsf));
        return list;
    }
}
