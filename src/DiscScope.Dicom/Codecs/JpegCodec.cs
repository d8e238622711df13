using JpegLibrary;

namespace DiscScope.Dicom;

/// <summary>
/// JPEG (ISO 10918-1) through the managed JpegLibrary package: Baseline (process 1), Extended (process 2 and 4, 12-bit)
/// and Lossless (process 14, any predictor incl. SV1). Components are returned as coded (no YCbCr to RGB conversion),
/// upsampled to full resolution by the decoder.
/// </summary>
public sealed class JpegCodec : IDicomPixelCodec
{
    public string Name => "JPEG (JpegLibrary)";

    public bool Supports(TransferSyntax syntax) => syntax.Uid is "1.2.840.10008.1.2.4.50" or "1.2.840.10008.1.2.4.51"
        or "1.2.840.10008.1.2.4.57" or "1.2.840.10008.1.2.4.70";

    public void Decode(DicomPixelData px, ReadOnlySpan<byte> data, Span<byte> output)
    {
        var decoder = new JpegDecoder();
        decoder.SetInput(data.ToArray());
        try
        {
            decoder.Identify();
            // Edge tiles of some whole-slide images are coded smaller than Rows x Columns: they are placed top-left, the rest is 0.
            if (decoder.Width > px.Columns || decoder.Height > px.Rows || decoder.NumberOfComponents != px.SamplesPerPixel)
                throw px.Fail($"JPEG frame is {decoder.Width}x{decoder.Height}x{decoder.NumberOfComponents}, the data set says {px.Columns}x{px.Rows}x{px.SamplesPerPixel}");
            var buffer = new byte[output.Length];
            // Lossy processes may overshoot the sample range after the IDCT; lossless values are exact and kept as coded.
            var lossless = TransferSyntax.Parse(px.TransferSyntax.Uid).IsLossless;
            var max = lossless ? -1 : (1 << decoder.Precision) - 1;
            decoder.SetOutputWriter(new Writer(px.Columns, decoder.Width, decoder.Height, px.SamplesPerPixel, px.BytesPerSample, max, buffer));
            decoder.Decode();
            buffer.CopyTo(output);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or InvalidOperationException or IndexOutOfRangeException or ArgumentException)
        {
            throw px.Fail($"JPEG decoding failed: {e.Message}");
        }
    }

    private sealed class Writer(int stride, int width, int height, int components, int bytesPerSample, int max, byte[] output) : JpegBlockOutputWriter
    {
        public override void WriteBlock(ref short blockRef, int componentIndex, int x, int y)
        {
            var block = System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(ref blockRef, 64);
            var w = Math.Min(8, width - x);
            var h = Math.Min(8, height - y);
            for (var r = 0; r < h; r++)
                for (var c = 0; c < w; c++)
                {
                    int v = block[r * 8 + c];
                    if (max > 0) v = Math.Clamp(v, 0, max);
                    var o = (((y + r) * stride + x + c) * components + componentIndex) * bytesPerSample;
                    if (bytesPerSample == 1) output[o] = (byte)Math.Clamp(v, 0, 255);
                    else { var u = (ushort)v; output[o] = (byte)u; output[o + 1] = (byte)(u >> 8); }
                }
        }
    }
}
