using System.Runtime.InteropServices;
using DiscScope.Imaging.Formats.Common;
using DiscScope.Imaging.Geometry;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace DiscScope.Imaging.Formats.Png;

/// <summary>
/// Reads a 2D raster (PNG, JPEG) through ImageSharp into a one-slice volume: 16-bit PNG to uint16, everything else to uint8.
/// Colour images become luminance with ImageSharp's ITU-R BT.709 weights (0.2126 R + 0.7152 G + 0.0722 B); alpha is dropped.
/// Row y of the picture is index j, column x is index i; spacing comes from <see cref="ReadOptions.PixelSpacing"/> (default 1 mm),
/// origin 0 and identity direction, since these formats carry no patient geometry.
/// </summary>
internal static class RasterReader
{
    /// <summary>Absolute cap on decoded pixels (2^28, a 16384 x 16384 image).</summary>
    public const long MaxPixels = 1L << 28;

    /// <summary>
    /// Pixels a file of this length can honestly hold: deflate expands at most ~1032:1 and a 1-bit PNG packs 8 pixels a byte;
    /// baseline JPEG needs at least a few bits per 8x8 block, which is within the same bound.
    /// </summary>
    public static long MaxPixelsFor(long fileLength) => Math.Min(MaxPixels, FormatLimits.MaxInflated(fileLength) * 8);

    public static IVolume Read(string path, ReadOptions options, string expectedFormat)
    {
        try
        {
            using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (fs.Length == 0) throw new ImageFormatException(path, "empty file", 0);
            var info = Image.Identify(fs, out var format)
                ?? throw new ImageFormatException(path, $"not a readable {expectedFormat} image (unrecognised header)", 0);
            long pixels = (long)info.Width * info.Height;
            if (info.Width <= 0 || info.Height <= 0) throw new ImageFormatException(path, $"image size {info.Width}x{info.Height} is not positive", 0);
            if (pixels > MaxPixelsFor(fs.Length))
                throw new ImageFormatException(path, $"header declares {info.Width}x{info.Height} pixels, more than a {fs.Length}-byte file can hold (limit {MaxPixelsFor(fs.Length)})", 0);
            var sixteen = format is SixLabors.ImageSharp.Formats.Png.PngFormat && info.Metadata.GetPngMetadata().BitDepth == PngBitDepth.Bit16;
            fs.Position = 0;
            var spacing = options.PixelSpacing ?? (1.0, 1.0);
            var g = new ImageGeometry(info.Width, info.Height, 1, new Vec3(spacing.Column, spacing.Row, 1), Vec3.Zero, Matrix3.Identity);
            if (sixteen)
            {
                using var img = Image.Load<L16>(fs);
                var v = new Volume<ushort>(g);
                img.CopyPixelDataTo(MemoryMarshal.Cast<ushort, L16>(v.Voxels.AsSpan()));
                return v;
            }
            else
            {
                using var img = Image.Load<L8>(fs);
                var v = new Volume<byte>(g);
                img.CopyPixelDataTo(MemoryMarshal.Cast<byte, L8>(v.Voxels.AsSpan()));
                return v;
            }
        }
        catch (ImageFormatException) { throw; }
        catch (SixLabors.ImageSharp.ImageFormatException e) { throw new ImageFormatException(path, $"invalid {expectedFormat}: {e.Message}", null, e); }
        catch (NotSupportedException e) { throw new ImageFormatException(path, $"unsupported {expectedFormat}: {e.Message}", null, e); }
        catch (IOException e) { throw new ImageFormatException(path, "cannot read: " + e.Message, null, e); }
        catch (UnauthorizedAccessException e) { throw new ImageFormatException(path, "cannot read: " + e.Message, null, e); }
        catch (Exception e) when (e is not OutOfMemoryException and not ThreadAbortException)
        {
            // ImageSharp's decoders can fail on corrupt input with whatever their code hits (InvalidDataException,
            // IndexOutOfRangeException, even NullReferenceException in the JPEG decoder, found by MutationTests).
            // That is still bad input: report it as such, with the decoder's exception kept as the inner one.
            throw new ImageFormatException(path, $"corrupt {expectedFormat} (decoder failed with {e.GetType().Name}: {e.Message})", null, e);
        }
    }
}
