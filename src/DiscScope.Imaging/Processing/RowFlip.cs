namespace DiscScope.Imaging.Processing;

/// <summary>Mirrors an image top to bottom (row j becomes row SizeJ - 1 - j in every slice), keeping its geometry: for a bare 2D image whose
/// orientation is only assumed (rows superior -> inferior), this is how an upside-down image is set upright.</summary>
public static class RowFlip
{
    /// <summary>A float copy of <paramref name="volume"/> with the rows of every slice in reverse order.</summary>
    public static Volume<float> Apply(IVolume volume)
    {
        ArgumentNullException.ThrowIfNull(volume);
        var f = volume.ToFloat();
        int w = f.SizeI, h = f.SizeJ, d = f.SizeK;
        var o = new float[f.Voxels.Length];
        for (var k = 0; k < d; k++)
            for (var j = 0; j < h; j++)
                Array.Copy(f.Voxels, ((long)k * h + j) * w, o, ((long)k * h + (h - 1 - j)) * w, w);
        return new Volume<float>(f.Geometry, o);
    }
}
