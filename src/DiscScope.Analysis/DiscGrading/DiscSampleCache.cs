namespace DiscScope.Analysis.DiscGrading;

/// <summary>Saves and loads built <see cref="DiscSample"/>s (a private binary cache beside a training run, so CV and training parse once).</summary>
public static class DiscSampleCache
{
    private const int Magic = 0x44534331; // "DSC1"

    public static void Save(string path, IReadOnlyList<DiscSample> samples, DiscCropOptions crop)
    {
        using var w = new BinaryWriter(File.Create(path));
        w.Write(Magic); w.Write(crop.Width); w.Write(crop.Height); w.Write(crop.SpacingMm); w.Write(samples.Count);
        foreach (var s in samples)
        {
            var g = s.Labels;
            w.Write(s.Patient); w.Write(s.IvdLabel); w.Write(s.HasT1);
            w.Write(g.Pfirrmann); w.Write(g.Modic); w.Write(g.EndplateUpper); w.Write(g.EndplateLower); w.Write(g.Spondylolisthesis); w.Write(g.Herniation); w.Write(g.Narrowing); w.Write(g.Bulging);
            w.Write(s.Image.Length);
            foreach (var v in s.Image) w.Write(v);
        }
    }

    /// <summary>Loads a cache written for the same crop geometry; null when absent, of another geometry, or unreadable.</summary>
    public static IReadOnlyList<DiscSample>? Load(string path, DiscCropOptions crop)
    {
        if (!File.Exists(path)) return null;
        try
        {
            using var r = new BinaryReader(File.OpenRead(path));
            if (r.ReadInt32() != Magic || r.ReadInt32() != crop.Width || r.ReadInt32() != crop.Height || r.ReadDouble() != crop.SpacingMm) return null;
            var n = r.ReadInt32();
            var result = new List<DiscSample>(n);
            for (var i = 0; i < n; i++)
            {
                var patient = r.ReadString(); var ivd = r.ReadInt32(); var t1 = r.ReadBoolean();
                var g = new GradingLabels(patient, ivd, r.ReadInt32(), r.ReadInt32(), r.ReadBoolean(), r.ReadBoolean(), r.ReadBoolean(), r.ReadBoolean(), r.ReadBoolean(), r.ReadBoolean());
                var len = r.ReadInt32();
                if (len != GradingInput.Channels * crop.Width * crop.Height) return null;
                var img = new float[len];
                for (var k = 0; k < len; k++) img[k] = r.ReadSingle();
                result.Add(new DiscSample(patient, ivd, img, t1, g));
            }
            return result;
        }
        catch (EndOfStreamException) { return null; }
        catch (IOException) { return null; }
    }
}
