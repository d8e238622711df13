using DiscScope.Domain.Anatomy;

namespace DiscScope.Analysis.Mri.Data;

/// <summary>
/// The vesal lumbar T2 slices (mri2d/vesal; MIT repo, image origin unknown): 256x256, masks 1 = disc, 2 = vertebral body.
/// Pixel spacing is not stated; <see cref="AssumedSpacingMm"/> (FOV ~320 mm, from the body size on the images) is used.
/// Masks 0, 5 and 10 are empty and skipped; 1 and 13 hold discs only.
/// </summary>
public static class VesalData
{
    public const double AssumedSpacingMm = 1.25;

    public static IReadOnlyList<LabelledSlice> Slices(string dataRoot)
    {
        var dir = Path.Combine(dataRoot, "mri2d", "vesal");
        var result = new List<LabelledSlice>();
        foreach (var img in Directory.GetFiles(Path.Combine(dir, "images"), "*.png").OrderBy(p => int.Parse(Path.GetFileNameWithoutExtension(p))))
        {
            var name = Path.GetFileNameWithoutExtension(img);
            var (px, w, h) = PngSlice.Read(img);
            var (mk, _, _) = PngSlice.Read(Path.Combine(dir, "masks", name + ".png"));
            if (mk.All(v => v == 0)) continue;
            var cls = mk.Select(v => v switch { 1 => (byte)Structure.Disc, 2 => (byte)Structure.Vertebra, _ => (byte)0 }).ToArray();
            result.Add(new LabelledSlice("vesal", "vesal" + name, "vesal_" + name, [.. px.Select(b => (float)b)], cls, w, h, AssumedSpacingMm, AssumedSpacingMm));
        }
        return result;
    }
}
