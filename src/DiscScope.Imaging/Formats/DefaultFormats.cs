using DiscScope.Imaging.Formats.MetaImage;
using DiscScope.Imaging.Formats.Nifti;
using DiscScope.Imaging.Formats.Npy;
using DiscScope.Imaging.Formats.Png;

namespace DiscScope.Imaging.Formats;

/// <summary>The registry with every format DiscScope.Imaging implements.</summary>
public static class DefaultFormats
{
    public static FormatRegistry Create()
    {
        var r = new FormatRegistry();
        r.Add(new NiftiFormat())
         .Add(new MetaImageFormat())
         .Add(new PngFormat())
         .Add(new JpegFormat())
         .Add(new NpyFormat());
        return r;
    }
}
