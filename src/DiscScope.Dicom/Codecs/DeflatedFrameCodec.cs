using System.IO.Compression;

namespace DiscScope.Dicom;

/// <summary>Deflated Image Frame Compression (1.2.840.10008.1.2.8.1, PS3.5 8.2.15): each frame is a raw deflate stream of native pixel data.</summary>
public sealed class DeflatedFrameCodec : IDicomPixelCodec
{
    public string Name => "Deflated Image Frame (System.IO.Compression)";

    public bool Supports(TransferSyntax syntax) => syntax.Uid == TransferSyntax.DeflatedImageFrameCompression.Uid;

    public void Decode(DicomPixelData px, ReadOnlySpan<byte> data, Span<byte> output)
    {
        var native = new byte[px.NativeFrameBytes];
        try
        {
            using var z = new DeflateStream(new MemoryStream(data.ToArray()), CompressionMode.Decompress);
            z.ReadAtLeast(native, native.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e) { throw px.Fail("corrupt deflated frame: " + e.Message); }
        px.UnpackNative(native, output);
    }
}
