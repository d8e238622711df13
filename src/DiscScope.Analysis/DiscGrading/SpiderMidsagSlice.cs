using DiscScope.Analysis.Mri.Data;
using DiscScope.Imaging;
using DiscScope.Imaging.Geometry;

namespace DiscScope.Analysis.DiscGrading;

/// <summary>Reads one SPIDER mid-sagittal slice (spider/midsag/&lt;series&gt;.png) as a 2D image with overview.csv's pixel spacing.</summary>
public static class SpiderMidsagSlice
{
    /// <summary>The slice, or null when the PNG or its overview row is absent.</summary>
    public static Volume<float>? Load(string midsagFolder, IReadOnlyDictionary<string, SpiderData.Series> overview, string series)
    {
        var path = Path.Combine(midsagFolder, series + ".png");
        if (!File.Exists(path) || !overview.TryGetValue(series, out var s)) return null;
        var (px, w, h) = PngSlice.Read(path);
        return new Volume<float>(ImageGeometry.Simple(w, h, 1, s.ColumnSpacing, s.RowSpacing, 1), [.. px.Select(b => (float)b)]);
    }
}
