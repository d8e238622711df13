using System.Buffers.Binary;
using DiscScope.Imaging;
using DiscScope.Imaging.Geometry;

namespace DiscScope.Dicom;

/// <summary>
/// Assembles a series into a <see cref="Volume{T}"/> in LPS: frames sorted by Image Position (Patient) along the slice
/// normal (row x column direction cosines), i along the row direction with the column spacing (PixelSpacing[1]), j along
/// the column direction with the row spacing (PixelSpacing[0]), k along the normal with the mean slice gap.
/// Modality values: Rescale Slope/Intercept or the Modality LUT (PS3.3 C.11.1); colour images become luminance.
/// Non-uniform gaps and gantry tilt are reported and, by default, resampled (linear along k; bilinear in-plane shift).
/// </summary>
public static class DicomVolumeBuilder
{
    /// <summary>Reads the largest series found at a path (file, folder or ZIP).</summary>
    public static DicomVolume Read(string path, DicomVolumeOptions? options = null)
    {
        var series = DicomSeriesScanner.Scan(path);
        if (series.Count == 0) throw new DicomException(path, "no DICOM image (no instance with pixel data) found");
        var v = Build(series[0], options);
        if (series.Count > 1)
            return v with { Warnings = [.. v.Warnings, $"{series.Count} series found; read the largest ({series[0].SeriesInstanceUid}, {series[0].FrameCount} frames)"] };
        return v;
    }

    public static DicomVolume Build(DicomSeries series, DicomVolumeOptions? options = null)
    {
        options ??= DicomVolumeOptions.Default;
        var warnings = new List<string>();
        var frames = series.Instances.SelectMany(DicomFrameInfo.Of).ToList();
        var first = series.Instances[0];
        var pix0 = new DicomPixelData(first);
        int cols = pix0.Columns, rows = pix0.Rows;
        var sameSize = frames.Where(f => f.File.Dataset.GetInt(DicomTag.Rows) == rows && f.File.Dataset.GetInt(DicomTag.Columns) == cols).ToList();
        if (sameSize.Count < frames.Count) warnings.Add($"{frames.Count - sameSize.Count} frames of another size than {cols}x{rows} left out");
        frames = sameSize;

        var oriented = frames.FirstOrDefault(f => f.RowDirection is not null && f.Position is not null);
        Vec3 row = oriented?.RowDirection ?? new Vec3(1, 0, 0), col = oriented?.ColumnDirection ?? new Vec3(0, 1, 0);
        var normal = row.Cross(col).Normalized();
        double rowSpacing = frames[0].RowSpacing, colSpacing = frames[0].ColumnSpacing;
        if (!frames[0].SpacingKnown) warnings.Add("no Pixel Spacing or Imager Pixel Spacing: 1 mm assumed");

        List<DicomFrameInfo> ordered;
        double[] keys;
        var positioned = oriented is not null && frames.All(f => f.Position is not null);
        if (positioned && frames.Count > 1)
        {
            ordered = frames.OrderBy(f => f.Position!.Value.Dot(normal)).ThenBy(f => f.InstanceNumber).ThenBy(f => f.Frame).ToList();
            var distinct = new List<DicomFrameInfo>();
            foreach (var f in ordered)
                if (distinct.Count == 0 || Math.Abs(f.Position!.Value.Dot(normal) - distinct[^1].Position!.Value.Dot(normal)) > 1e-3) distinct.Add(f);
            if (distinct.Count < ordered.Count)
            {
                warnings.Add($"{ordered.Count} frames at {distinct.Count} distinct positions (several volumes or duplicates): the first frame at each position used");
                var firsts = ordered.GroupBy(f => Math.Round(f.Position!.Value.Dot(normal), 3)).Select(g => g.OrderBy(f => f.InstanceNumber).ThenBy(f => f.Frame).First());
                ordered = firsts.OrderBy(f => f.Position!.Value.Dot(normal)).ToList();
            }
            keys = ordered.Select(f => f.Position!.Value.Dot(normal)).ToArray();
        }
        else
        {
            ordered = frames.OrderBy(f => f.InstanceNumber).ThenBy(f => f.Frame).ToList();
            var gap = ordered[0].SliceGap ?? 1.0;
            if (ordered.Count > 1) warnings.Add($"frames without Image Position (Patient): stacked in order with {gap} mm spacing");
            keys = ordered.Select((_, k) => k * gap).ToArray();
        }

        var nk = ordered.Count;
        var origin = ordered[0].Position ?? Vec3.Zero;
        var sliceSpacing = nk > 1 ? (keys[^1] - keys[0]) / (nk - 1) : ordered[0].SliceGap ?? 1.0;
        if (!(sliceSpacing > 0)) sliceSpacing = 1.0;

        // Decode every frame to modality values.
        var plane = rows * cols;
        var data = new float[(long)plane * nk];
        var decoded = new Dictionary<DicomFile, (DicomPixelData Px, byte[] Buf)>();
        var anyRescale = false;
        var integral = true;
        for (var k = 0; k < nk; k++)
        {
            var f = ordered[k];
            if (!decoded.TryGetValue(f.File, out var d))
            {
                var px = new DicomPixelData(f.File);
                d = (px, px.DecodeAll());
                decoded[f.File] = d;
            }
            anyRescale |= f.Slope != 1 || f.Intercept != 0 || f.ModalityLut is not null || d.Px.SamplesPerPixel > 1 || d.Px.IsFloat;
            integral &= !d.Px.IsFloat && d.Px.SamplesPerPixel == 1 && f.Slope == Math.Round(f.Slope) && f.Intercept == Math.Round(f.Intercept);
            FillFrame(d.Px, d.Buf, f, data.AsSpan(k * plane, plane));
        }

        // Gantry tilt: slice origins drift in-plane; shift each slice back onto the normal through the first origin.
        if (positioned && nk > 1)
        {
            var span = ordered[^1].Position!.Value - ordered[0].Position!.Value;
            var angle = Math.Acos(Math.Min(1, Math.Abs(span.Dot(normal)) / span.Length)) * 180 / Math.PI;
            if (angle > options.TiltToleranceDegrees)
            {
                warnings.Add($"gantry tilt / sheared stack of {angle:F2} degrees{(options.Resample ? ": slices shifted onto an orthogonal grid" : "")}");
                if (options.Resample)
                {
                    for (var k = 1; k < nk; k++)
                    {
                        var dpos = ordered[k].Position!.Value - origin;
                        var inPlane = dpos - dpos.Dot(normal) * normal;
                        Shift(data.AsSpan(k * plane, plane), cols, rows, inPlane.Dot(row) / colSpacing, inPlane.Dot(col) / rowSpacing);
                    }
                    integral = false;
                }
            }
            var gaps = keys.Zip(keys.Skip(1), (a, b) => b - a).ToArray();
            if (gaps.Max() - gaps.Min() > options.SpacingTolerance * Math.Abs(sliceSpacing))
            {
                warnings.Add($"non-uniform slice spacing ({gaps.Min():G4} to {gaps.Max():G4} mm){(options.Resample ? $": resampled to {sliceSpacing:G4} mm" : "")}");
                if (options.Resample) { data = ResampleK(data, plane, keys, sliceSpacing); integral = false; }
            }
        }

        var geometry = new ImageGeometry(cols, rows, nk, new Vec3(colSpacing, rowSpacing, sliceSpacing), origin, Matrix3.FromColumns(row, col, normal));
        IVolume volume = integral && !anyRescale ? Narrow(geometry, data, pix0) : integral ? NarrowInt(geometry, data) : new Volume<float>(geometry, data);
        return new DicomVolume(volume, series, warnings);
    }

    private static void FillFrame(DicomPixelData px, byte[] buf, DicomFrameInfo f, Span<float> dst)
    {
        var spp = px.SamplesPerPixel;
        var bps = px.BytesPerSample;
        var frameOffset = f.Frame * px.FrameBytes;
        var lut = f.ModalityLut is { } l ? ModalityLut.From(l) : null;
        var palette = px.Photometric == "PALETTE COLOR" ? PaletteLut.From(f.File.Dataset) : null;
        for (var p = 0; p < dst.Length; p++)
        {
            var o = frameOffset + p * spp * bps;
            double v;
            if (spp >= 3)
            {
                double r = px.SampleAt(buf, o), g = px.SampleAt(buf, o + bps), b = px.SampleAt(buf, o + 2 * bps);
                v = px.Photometric.StartsWith("YBR", StringComparison.Ordinal) ? r : 0.299 * r + 0.587 * g + 0.114 * b;
            }
            else
            {
                v = px.SampleAt(buf, o);
                if (palette is not null) v = palette.Luminance(v);
                else if (lut is not null) v = lut.Map(v);
                else v = v * f.Slope + f.Intercept;
            }
            dst[p] = (float)v;
        }
    }

    private static void Shift(Span<float> slice, int cols, int rows, double di, double dj)
    {
        var src = slice.ToArray();
        for (var j = 0; j < rows; j++)
            for (var i = 0; i < cols; i++)
            {
                double x = i - di, y = j - dj;
                int x0 = (int)Math.Floor(x), y0 = (int)Math.Floor(y);
                double fx = x - x0, fy = y - y0, acc = 0;
                for (var b = 0; b < 2; b++)
                    for (var a = 0; a < 2; a++)
                    {
                        int xi = x0 + a, yi = y0 + b;
                        if (xi < 0 || yi < 0 || xi >= cols || yi >= rows) continue;
                        acc += (a == 1 ? fx : 1 - fx) * (b == 1 ? fy : 1 - fy) * src[yi * cols + xi];
                    }
                slice[j * cols + i] = (float)acc;
            }
    }

    private static float[] ResampleK(float[] data, int plane, double[] keys, double spacing)
    {
        var nk = keys.Length;
        var o = new float[data.Length];
        var s = 0;
        for (var k = 0; k < nk; k++)
        {
            var t = keys[0] + k * spacing;
            while (s < nk - 2 && keys[s + 1] < t) s++;
            var w = keys[s + 1] == keys[s] ? 0 : Math.Clamp((t - keys[s]) / (keys[s + 1] - keys[s]), 0, 1);
            for (var p = 0; p < plane; p++)
                o[k * plane + p] = (float)((1 - w) * data[s * plane + p] + w * data[(s + 1) * plane + p]);
        }
        return o;
    }

    /// <summary>Stored values kept in their stored type (no rescale applied).</summary>
    private static IVolume Narrow(ImageGeometry g, float[] data, DicomPixelData px) => (px.BytesPerSample, px.IsSigned) switch
    {
        (1, false) => Make<byte>(g, data),
        (1, true) => Make<sbyte>(g, data),
        (2, false) => Make<ushort>(g, data),
        (2, true) => Make<short>(g, data),
        (4, false) => new Volume<float>(g, data),
        _ => new Volume<float>(g, data),
    };

    /// <summary>Integer modality values (e.g. CT numbers) as Int16 when they fit, else Int32 or float.</summary>
    private static IVolume NarrowInt(ImageGeometry g, float[] data)
    {
        float min = float.MaxValue, max = float.MinValue;
        foreach (var v in data) { if (v < min) min = v; if (v > max) max = v; }
        if (min >= short.MinValue && max <= short.MaxValue) return Make<short>(g, data);
        if (min >= 0 && max <= ushort.MaxValue) return Make<ushort>(g, data);
        return new Volume<float>(g, data);
    }

    private static Volume<T> Make<T>(ImageGeometry g, float[] data) where T : unmanaged, System.Numerics.INumber<T>
    {
        var o = new T[data.Length];
        for (var i = 0; i < o.Length; i++) o[i] = T.CreateSaturating(data[i]);
        return new Volume<T>(g, o);
    }
}
