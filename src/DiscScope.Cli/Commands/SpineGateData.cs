using DiscScope.Analysis.Mri.Data;
using DiscScope.Analysis.Synthetic;
using DiscScope.Imaging;
using DiscScope.Imaging.Processing;
using DiscScope.Training.SpineGate;

namespace DiscScope.Cli.Commands;

/// <summary>
/// The spine image gate's images from the shared data folder, with per-source counts. AASCE and FMRP are research use only and vesal's
/// origin is unknown: they are marked not trainable (<see cref="GateImage.Trainable"/>) and serve as external test data. Sagittal spine MR (class 1): spider/midsag and
/// spider/space_slices (group = SPIDER patient), mri2d/vesal, sagittal slices near the middle of the fmrp volumes and of the SCT lumbar
/// volume, and lumbar phantoms (the demo's image kind). Other images (class 0): the AASCE training radiographs (spacing unknown), axial and
/// coronal planes of those MR volumes, sagittal, axial and coronal planes of the TotalSegmentator CT, AP and lateral radiographs simulated
/// from it (<see cref="SimulatedRadiograph"/>) and axial planes of its small MR, one
/// slice of every image file under dicom/ that DiscScope reads (DICOM, NIfTI, NRRD ...) (grouped by corpus and image size, so the same image in several
/// encodings stays in one fold), and seeded synthetic patterns. The cervical SCT volume is left out (a spine MR, but not lumbar).
/// </summary>
public static class SpineGateData
{
    /// <summary>Longest side kept of a large 2D image (box-averaged at load; the gate's canvas is far coarser).</summary>
    public const int MaxSide = 768;

    public static IReadOnlyList<GateImage> Load(string data, Action<string> log)
    {
        foreach (var needed in new[] { Path.Combine("spider", "overview.csv"), Path.Combine("mri3d", "sct_t2_lumbar", "t2_lumbar.nii.gz"), Path.Combine("ct", "totalseg_example", "example_ct.nii.gz") })
            if (!File.Exists(Path.Combine(data, needed))) throw new InputException($"{data}: {needed} not found; the spine gate's images come from the shared data folder (see its README)");
        var all = new List<GateImage>();
        void Add(IEnumerable<GateImage> images, string what)
        {
            var list = images.ToList();
            all.AddRange(list);
            log($"  {what}: {list.Count} images");
        }
        Add(SpiderData.MidSagittal(data).Select(m => new GateImage("spider-midsag", "spider:" + m.Series.Patient, m.Series.Name, m.Image, m.Width, m.Height,
            m.Series.ColumnSpacing, m.Series.RowSpacing, true)), "spider/midsag (spine MR)");
        Add(SpiderData.SpaceSlices(data).Select(s => new GateImage("spider-space", "spider:" + s.Patient, s.Name, s.Image, s.Width, s.Height,
            s.ColumnSpacing, s.RowSpacing, true)), "spider/space_slices (spine MR)");
        Add(VesalData.Slices(data).Select(s => new GateImage("vesal", "vesal:" + s.Patient, s.Name, s.Image, s.Width, s.Height, s.ColumnSpacing, s.RowSpacing, true)).Select(External),
            "mri2d/vesal (spine MR, external: origin unknown)");
        var fmrp = FmrpData.Cases.Select(c => (Name: c, Volume: FmrpData.Load(data, c).Image)).ToList();
        Add(fmrp.SelectMany(v => SagittalNearMiddle("fmrp", v.Name, v.Volume)).Select(External), "fmrp sagittal (spine MR, external: research use only)");
        var sct = Pil(Path.Combine(data, "mri3d", "sct_t2_lumbar", "t2_lumbar.nii.gz"));
        Add(SagittalNearMiddle("sct-lumbar", "sct-lumbar", sct), "SCT lumbar sagittal (spine MR)");
        Add(Enumerable.Range(0, 24).Select(Phantom), "lumbar phantoms (spine MR)");

        Add(Aasce(data).Select(External), "aasce training radiographs (other, external: research use only)");
        Add(fmrp.SelectMany(v => AxialCoronal("fmrp-axial-coronal", v.Name, v.Volume)).Select(External), "fmrp axial and coronal (other, external)");
        Add(AxialCoronal("sct-axial-coronal", "sct-lumbar", sct), "SCT lumbar axial and coronal (other)");
        var ct = Pil(Path.Combine(data, "ct", "totalseg_example", "example_ct.nii.gz"));
        Add([.. SagittalNearMiddle("ct", "ct-totalseg", ct).Select(x => x with { IsSpineMr = false }), .. AxialCoronal("ct", "ct-totalseg", ct)],
            "TotalSegmentator CT, three planes (other)");
        Add(Radiographs(ct), "radiographs simulated from the TotalSegmentator CT (other)");
        var mr = Pil(Path.Combine(data, "ct", "totalseg_example", "example_mr_sm.nii.gz"));
        Add(VolumePlanes.Spread(mr.SizeJ, 0, 1, 8).Select(j => Plane("mr-axial", "mr-totalseg", $"mr-totalseg-axial-{j}", VolumePlanes.Axial(mr, j), false)),
            "TotalSegmentator abdominal MR, axial (other)");
        Add(Dicom(Path.Combine(data, "dicom")), "DICOM corpora (other)");
        Add(SyntheticNegatives.Create(60, seed: 7), "synthetic patterns (other)");
        return all;
    }

    /// <summary>Not trained on: the source's licence keeps it out of a shipped model (models/README.md); scored as external data.</summary>
    private static GateImage External(GateImage x) => x with { Trainable = false };

    /// <summary>Detector pixel (mm) of the simulated radiographs; null = the CT's own in-plane and row spacing (3 mm). Recipe 2 of
    /// session 21 used 0.5 mm (real radiographs have fine pixels) and did worse on AASCE (docs/training.md), so null.</summary>
    public static readonly double? DetectorPixelMm = null;

    /// <summary>Projections of the CT at 0, +-20 degrees from AP and 70, 90, 110 (lateral), through the whole volume and a central half
    /// slab, at <see cref="DetectorPixelMm"/> pixels, taken as bare images (spacing unknown).</summary>
    private static IEnumerable<GateImage> Radiographs(Volume<float> ctPil)
    {
        foreach (var angle in new[] { -20, 0, 20, 70, 90, 110 })
            foreach (var slab in new[] { 1.0, 0.5 })
            {
                var p = SimulatedRadiograph.Project(ctPil, angle, slab, DetectorPixelMm);
                yield return new GateImage("ct-radiograph", "ct-totalseg", $"ct-radiograph-{angle}deg-slab{slab:0.#}", p.Pixels, p.Width, p.Height, null, null, false);
            }
    }

    private static Volume<float> Pil(string path) => Reorientation.Reorient(Io.Read(path, null).ToFloat(), Reorientation.CanonicalSagittal);

    private static IEnumerable<GateImage> SagittalNearMiddle(string source, string group, Volume<float> pil)
    {
        var mid = pil.SizeK / 2;
        for (var k = Math.Max(0, mid - 6); k <= Math.Min(pil.SizeK - 1, mid + 6); k += 2)
            yield return Plane(source, group, $"{group}-sagittal-{k}", VolumePlanes.Sagittal(pil, k), true);
    }

    private static IEnumerable<GateImage> AxialCoronal(string source, string group, Volume<float> pil) =>
        VolumePlanes.Spread(pil.SizeJ, 0.15, 0.85, 6).Select(j => Plane(source, group, $"{group}-axial-{j}", VolumePlanes.Axial(pil, j), false))
            .Concat(VolumePlanes.Spread(pil.SizeI, 0.3, 0.7, 4).Select(i => Plane(source, group, $"{group}-coronal-{i}", VolumePlanes.Coronal(pil, i), false)));

    private static GateImage Plane(string source, string group, string name, (float[] Pixels, int Width, int Height, double ColumnSpacing, double RowSpacing) p, bool spine) =>
        new(source, group, name, p.Pixels, p.Width, p.Height, p.ColumnSpacing, p.RowSpacing, spine);

    private static GateImage Phantom(int n)
    {
        var spacing = 0.5 + 0.05 * n;
        var ph = LumbarPhantom.Create(new PhantomOptions
        {
            Seed = 100 + n, PixelSpacing = spacing, Columns = (int)(220 / spacing), Rows = (int)(280 / spacing), Slices = 1, NoiseSd = 5 + 3 * (n % 8),
        });
        return new GateImage("phantom", $"phantom:{n}", $"phantom-{n}", ph.Image.Voxels, ph.Image.SizeI, ph.Image.SizeJ, spacing, spacing, true);
    }

    private static IEnumerable<GateImage> Aasce(string data)
    {
        var dir = Path.Combine(data, "aasce", "data", "training");
        if (!Directory.Exists(dir)) yield break;
        foreach (var f in Directory.GetFiles(dir, "*.jpg").OrderBy(p => p, StringComparer.Ordinal))
        {
            var (px, w, h) = PngSlice.Read(f);
            var (pixels, dw, dh, _) = Shrink([.. px.Select(b => (float)b)], w, h);
            var name = Path.GetFileNameWithoutExtension(f);
            yield return new GateImage("aasce", "aasce:" + name, name, pixels, dw, dh, null, null, false);
        }
    }

    /// <summary>The image box-averaged to at most <see cref="MaxSide"/> pixels a side, and the factor its pixel size grew by.</summary>
    private static (float[] Pixels, int Width, int Height, int Factor) Shrink(float[] px, int w, int h)
    {
        var f = (int)Math.Ceiling(Math.Max(w, h) / (double)MaxSide);
        if (f <= 1) return (px, w, h, 1);
        var (o, dw, dh, sx, _) = Analysis.Mri.SpineImageGateInput.BoxDownsample(px, w, h, 1, 1, f);
        return (o, dw, dh, (int)Math.Round(sx));
    }

    private static IEnumerable<GateImage> Dicom(string root)
    {
        if (!Directory.Exists(root)) yield break;
        foreach (var f in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
        {
            if (new FileInfo(f).Length > 20_000_000 || f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase)) continue;
            GateImage? image = null;
            try
            {
                var v = Io.Read(f, null).ToFloat();
                if (v.SizeI < 32 || v.SizeJ < 32) continue;
                var px = VolumePlanes.Sagittal(v, v.SizeK / 2).Pixels; // the middle slice, whatever the plane
                if (px.Max() <= px.Min()) continue;
                var (pixels, w, h, scale) = Shrink(px, v.SizeI, v.SizeJ);
                var rel = Path.GetRelativePath(root, f);
                var corpus = rel.Split(Path.DirectorySeparatorChar)[0];
                image = new GateImage("dicom", $"dicom:{corpus}:{v.SizeI}x{v.SizeJ}", rel, pixels, w, h, v.Geometry.Spacing.X * scale, v.Geometry.Spacing.Y * scale, false);
            }
            catch (Exception e) when (e is not OutOfMemoryException) { }
            if (image is not null) yield return image;
        }
    }
}
