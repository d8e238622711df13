using System.Runtime.InteropServices;

namespace DiscScope.Dicom;

/// <summary>
/// JPEG-LS lossless and near-lossless (ISO 14495-1) through CharLS 2.x (Debian libcharls2) by P/Invoke of its C API
/// (charls_jpegls_decoder_*). Available only where the native library loads; otherwise the registry has no JPEG-LS codec.
/// </summary>
public sealed unsafe class CharLsCodec : IDicomPixelCodec
{
    private const string Lib = "libcharls.so.2";

    public string Name => "JPEG-LS (CharLS)";

    public static bool IsAvailable => NativeLibrary.TryLoad(Lib, typeof(CharLsCodec).Assembly, null, out _);

    public bool Supports(TransferSyntax syntax) => syntax.Uid is "1.2.840.10008.1.2.4.80" or "1.2.840.10008.1.2.4.81";

    [StructLayout(LayoutKind.Sequential)]
    private struct FrameInfo { public uint Width, Height; public int BitsPerSample, ComponentCount; }

    [DllImport(Lib)] private static extern nint charls_jpegls_decoder_create();
    [DllImport(Lib)] private static extern void charls_jpegls_decoder_destroy(nint decoder);
    [DllImport(Lib)] private static extern int charls_jpegls_decoder_set_source_buffer(nint decoder, byte* source, nuint size);
    [DllImport(Lib)] private static extern int charls_jpegls_decoder_read_header(nint decoder);
    [DllImport(Lib)] private static extern int charls_jpegls_decoder_get_frame_info(nint decoder, FrameInfo* info);
    [DllImport(Lib)] private static extern int charls_jpegls_decoder_get_interleave_mode(nint decoder, int* mode);
    [DllImport(Lib)] private static extern int charls_jpegls_decoder_get_destination_size(nint decoder, uint stride, nuint* size);
    [DllImport(Lib)] private static extern int charls_jpegls_decoder_decode_to_buffer(nint decoder, byte* destination, nuint size, uint stride);

    public void Decode(DicomPixelData px, ReadOnlySpan<byte> data, Span<byte> output)
    {
        var d = charls_jpegls_decoder_create();
        if (d == 0) throw px.Fail("CharLS could not create a decoder");
        try
        {
            fixed (byte* src = data)
            {
                Check(px, charls_jpegls_decoder_set_source_buffer(d, src, (nuint)data.Length), "source");
                Check(px, charls_jpegls_decoder_read_header(d), "header");
                FrameInfo fi;
                Check(px, charls_jpegls_decoder_get_frame_info(d, &fi), "frame info");
                if (fi.Width != px.Columns || fi.Height != px.Rows || fi.ComponentCount != px.SamplesPerPixel)
                    throw px.Fail($"JPEG-LS frame is {fi.Width}x{fi.Height}x{fi.ComponentCount}, the data set says {px.Columns}x{px.Rows}x{px.SamplesPerPixel}");
                var bytes = fi.BitsPerSample <= 8 ? 1 : 2;
                if (bytes != px.BytesPerSample) throw px.Fail($"JPEG-LS frame has {fi.BitsPerSample}-bit samples, Bits Allocated is {px.BitsAllocated}");
                int mode;
                Check(px, charls_jpegls_decoder_get_interleave_mode(d, &mode), "interleave mode");
                nuint size;
                Check(px, charls_jpegls_decoder_get_destination_size(d, 0, &size), "destination size");
                if (size != (nuint)output.Length) throw px.Fail($"JPEG-LS frame decodes to {size} bytes, {output.Length} expected");
                if (mode == 0 && px.SamplesPerPixel > 1)
                {
                    // Interleave mode "none": CharLS writes component planes; DiscScope's frames are colour-by-pixel.
                    var planar = new byte[output.Length];
                    fixed (byte* dst = planar) Check(px, charls_jpegls_decoder_decode_to_buffer(d, dst, size, 0), "decode");
                    var pixels = px.Rows * px.Columns;
                    for (var s = 0; s < px.SamplesPerPixel; s++)
                        for (var p = 0; p < pixels; p++)
                            planar.AsSpan((s * pixels + p) * bytes, bytes).CopyTo(output[((p * px.SamplesPerPixel + s) * bytes)..]);
                }
                else
                {
                    fixed (byte* dst = output) Check(px, charls_jpegls_decoder_decode_to_buffer(d, dst, size, 0), "decode");
                }
            }
        }
        finally { charls_jpegls_decoder_destroy(d); }
    }

    private static void Check(DicomPixelData px, int code, string step)
    {
        if (code != 0) throw px.Fail($"JPEG-LS decoding failed at {step} (CharLS error {code})");
    }
}
