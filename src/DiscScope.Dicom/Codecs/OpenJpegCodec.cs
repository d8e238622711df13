using System.Runtime.InteropServices;

namespace DiscScope.Dicom;

/// <summary>
/// JPEG 2000 (ISO 15444-1; lossless and lossy, also the HTJ2K syntaxes) through OpenJPEG 2.5 (Debian libopenjp2-7)
/// by P/Invoke: a memory stream with read/skip/seek callbacks, J2K codestream or JP2 file format, components interleaved.
/// </summary>
public sealed unsafe class OpenJpegCodec : IDicomPixelCodec
{
    private const string Lib = "libopenjp2.so.7";

    public string Name => "JPEG 2000 (OpenJPEG)";

    public static bool IsAvailable => NativeLibrary.TryLoad(Lib, typeof(OpenJpegCodec).Assembly, null, out _);

    public bool Supports(TransferSyntax syntax) => syntax.Uid is "1.2.840.10008.1.2.4.90" or "1.2.840.10008.1.2.4.91"
        or "1.2.840.10008.1.2.4.201" or "1.2.840.10008.1.2.4.202" or "1.2.840.10008.1.2.4.203";

    [DllImport(Lib)] private static extern nint opj_create_decompress(int format);
    [DllImport(Lib)] private static extern void opj_set_default_decoder_parameters(byte* parameters);
    [DllImport(Lib)] private static extern int opj_codec_set_threads(nint codec, int threads);
    [DllImport(Lib)] private static extern int opj_setup_decoder(nint codec, byte* parameters);
    [DllImport(Lib)] private static extern nint opj_stream_create(nuint bufferSize, int isInput);
    [DllImport(Lib)] private static extern void opj_stream_set_read_function(nint stream, delegate* unmanaged[Cdecl]<byte*, nuint, MemoryStreamState*, nuint> f);
    [DllImport(Lib)] private static extern void opj_stream_set_skip_function(nint stream, delegate* unmanaged[Cdecl]<long, MemoryStreamState*, long> f);
    [DllImport(Lib)] private static extern void opj_stream_set_seek_function(nint stream, delegate* unmanaged[Cdecl]<long, MemoryStreamState*, int> f);
    [DllImport(Lib)] private static extern void opj_stream_set_user_data(nint stream, void* data, nint freeFunction);
    [DllImport(Lib)] private static extern void opj_stream_set_user_data_length(nint stream, ulong length);
    [DllImport(Lib)] private static extern int opj_read_header(nint stream, nint codec, Image** image);
    [DllImport(Lib)] private static extern int opj_decode(nint codec, nint stream, Image* image);
    [DllImport(Lib)] private static extern int opj_end_decompress(nint codec, nint stream);
    [DllImport(Lib)] private static extern void opj_stream_destroy(nint stream);
    [DllImport(Lib)] private static extern void opj_destroy_codec(nint codec);
    [DllImport(Lib)] private static extern void opj_image_destroy(Image* image);

    /// <summary>opj_image_t (openjpeg.h 2.5).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Image { public uint X0, Y0, X1, Y1, NumComps; public int ColorSpace; public Component* Comps; public byte* Icc; public uint IccLen; }

    /// <summary>opj_image_comp_t (openjpeg.h 2.5): bpp is deprecated but still present.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Component { public uint Dx, Dy, W, H, X0, Y0, Prec, Bpp, Sgnd, ResnoDecoded, Factor; public int* Data; public ushort Alpha; }

    private struct MemoryStreamState { public byte* Data; public long Length; public long Position; }

    [UnmanagedCallersOnly(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    private static nuint Read(byte* buffer, nuint n, MemoryStreamState* s)
    {
        var left = s->Length - s->Position;
        if (left <= 0) return unchecked((nuint)(-1));
        var count = (long)Math.Min((ulong)left, n);
        Buffer.MemoryCopy(s->Data + s->Position, buffer, (long)n, count);
        s->Position += count;
        return (nuint)count;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    private static long Skip(long n, MemoryStreamState* s)
    {
        var target = Math.Clamp(s->Position + n, 0, s->Length);
        var moved = target - s->Position;
        s->Position = target;
        return moved;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    private static int Seek(long n, MemoryStreamState* s)
    {
        if (n < 0 || n > s->Length) return 0;
        s->Position = n;
        return 1;
    }

    public void Decode(DicomPixelData px, ReadOnlySpan<byte> data, Span<byte> output)
    {
        // J2K codestream starts with SOC+SIZ (FF4F FF51); anything else is tried as a JP2 file (some writers wrap it).
        var format = data.Length >= 2 && data[0] == 0xFF && data[1] == 0x4F ? 0 : 2;
        var codec = opj_create_decompress(format);
        if (codec == 0) throw px.Fail("OpenJPEG could not create a decoder");
        nint stream = 0;
        Image* image = null;
        var parameters = (byte*)NativeMemory.AllocZeroed(65536); // larger than opj_dparameters_t (about 8.3 KiB in 2.5)
        try
        {
            fixed (byte* src = data)
            {
                var state = new MemoryStreamState { Data = src, Length = data.Length, Position = 0 };
                opj_set_default_decoder_parameters(parameters);
                if (opj_setup_decoder(codec, parameters) == 0) throw px.Fail("OpenJPEG rejected the decoder parameters");
                if (data.Length > 1 << 16) opj_codec_set_threads(codec, Environment.ProcessorCount); // code-block decoding in parallel; a no-op without thread support
                stream = opj_stream_create(1 << 16, 1);
                opj_stream_set_read_function(stream, &Read);
                opj_stream_set_skip_function(stream, &Skip);
                opj_stream_set_seek_function(stream, &Seek);
                opj_stream_set_user_data(stream, &state, 0);
                opj_stream_set_user_data_length(stream, (ulong)data.Length);
                if (opj_read_header(stream, codec, &image) == 0 || image == null) throw px.Fail("JPEG 2000 header could not be read");
                if (image->NumComps != px.SamplesPerPixel || image->X1 - image->X0 != px.Columns || image->Y1 - image->Y0 != px.Rows)
                    throw px.Fail($"JPEG 2000 frame is {image->X1 - image->X0}x{image->Y1 - image->Y0}x{image->NumComps}, the data set says {px.Columns}x{px.Rows}x{px.SamplesPerPixel}");
                if (opj_decode(codec, stream, image) == 0 || opj_end_decompress(codec, stream) == 0) throw px.Fail("JPEG 2000 decoding failed");
                var spp = px.SamplesPerPixel;
                var bps = px.BytesPerSample;
                var pixels = px.Rows * px.Columns;
                for (var c = 0; c < spp; c++)
                {
                    var comp = image->Comps[c];
                    if (comp.W != px.Columns || comp.H != px.Rows || comp.Data == null) throw px.Fail($"JPEG 2000 component {c} is {comp.W}x{comp.H} (subsampled components are not supported)");
                    for (var p = 0; p < pixels; p++)
                    {
                        var v = comp.Data[p];
                        var o = (p * spp + c) * bps;
                        switch (bps)
                        {
                            case 1: output[o] = (byte)v; break;
                            case 2: output[o] = (byte)v; output[o + 1] = (byte)(v >> 8); break;
                            default: BitConverter.TryWriteBytes(output[o..], v); break;
                        }
                    }
                }
            }
        }
        finally
        {
            if (image != null) opj_image_destroy(image);
            if (stream != 0) opj_stream_destroy(stream);
            opj_destroy_codec(codec);
            NativeMemory.Free(parameters);
        }
    }
}
