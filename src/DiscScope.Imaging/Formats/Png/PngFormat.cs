using System.Runtime.InteropServices;
using DiscScope.Imaging.Formats.Common;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace DiscScope.Imaging.Formats.Png;

/// <summary>
/// PNG (ISO/IEC 15948) through ImageSharp. Reading: see <see cref="RasterReader"/> (8/16-bit grey; colour to BT.709 luminance).
/// Writing: a one-slice volume only; uint8 as 8-bit greyscale, uint16 and non-negative int16 as 16-bit greyscale;
/// geometry (spacing, origin, direction) is not stored.
/// </summary>
public sealed class PngFormat : IVolumeFormat
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0d, 0x0a, 0x1a, 0x0a];

    public string Name => "png";
    public IReadOnlyList<string> Extensions { get; } = [".png"];
    public bool CanWrite => true;

    public bool Detect(ReadOnlySpan<byte> head) => head.StartsWith(Signature);

    public IVolume Read(string path, ReadOptions options) => RasterReader.Read(path, options ?? ReadOptions.Default, "PNG");

    public void Write(IVolume volume, string path)
    {
        ArgumentNullException.ThrowIfNull(volume);
        var g = volume.Geometry;
        if (g.SizeK != 1) throw new ImageFormatException(path, $"PNG holds one slice; the volume has {g.SizeK} slices");
        try
        {
            switch (volume)
            {
                case Volume<byte> b:
                {
                    using var img = Image.LoadPixelData<L8>(MemoryMarshal.Cast<byte, L8>(b.Voxels.AsSpan()), g.SizeI, g.SizeJ);
                    img.SaveAsPng(path, new PngEncoder { ColorType = PngColorType.Grayscale, BitDepth = PngBitDepth.Bit8 });
                    break;
                }
                case Volume<ushort> u:
                    Save16(u.Voxels, g.SizeI, g.SizeJ, path);
                    break;
                case Volume<short> s:
                {
                    var o = new ushort[s.Voxels.Length];
                    for (var n = 0; n < o.Length; n++)
                    {
                        if (s.Voxels[n] < 0) throw new ImageFormatException(path, $"PNG cannot hold the negative int16 value {s.Voxels[n]} (voxel {n}); 16-bit PNG is unsigned");
                        o[n] = (ushort)s.Voxels[n];
                    }
                    Save16(o, g.SizeI, g.SizeJ, path);
                    break;
                }
                default:
                    throw new ImageFormatException(path, $"PNG holds uint8, uint16 or non-negative int16 voxels, not {volume.VoxelType}; convert first");
            }
        }
        catch (SixLabors.ImageSharp.ImageFormatException e) { throw new ImageFormatException(path, "PNG encoding failed: " + e.Message, null, e); }
    }

    private static void Save16(ushort[] px, int w, int h, string path)
    {
        using var img = Image.LoadPixelData<L16>(MemoryMarshal.Cast<ushort, L16>(px.AsSpan()), w, h);
        img.SaveAsPng(path, new PngEncoder { ColorType = PngColorType.Grayscale, BitDepth = PngBitDepth.Bit16 });
    }
}
