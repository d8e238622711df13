using System.Buffers.Binary;

namespace DiscScope.Dicom;

/// <summary>
/// The Image Pixel description (PS3.3 C.7.6.3) of a data set and the decoding of its frames, native (PS3.5 8.1) or
/// encapsulated (PS3.5 8.2, A.4) through a <see cref="DicomCodecRegistry"/>. Decoded frames are little-endian samples of
/// <see cref="BytesPerSample"/> bytes, colour-by-pixel, rows top to bottom; 1-bit data is unpacked to one byte per pixel;
/// native YBR_FULL_422 is expanded to full resolution. Stored values are returned as they are (no rescale, no palette).
/// </summary>
public sealed class DicomPixelData
{
    private readonly DicomElement _element;
    private readonly DicomDataset _ds;
    private readonly DicomCodecRegistry _codecs;

    public DicomPixelData(DicomFile file, DicomCodecRegistry? codecs = null)
    {
        Source = file.Source;
        _ds = file.Dataset;
        _codecs = codecs ?? DicomCodecRegistry.Default;
        TransferSyntax = file.TransferSyntax;
        _element = _ds[DicomTag.PixelData] ?? _ds[DicomTag.FloatPixelData] ?? _ds[DicomTag.DoubleFloatPixelData]
            ?? throw new DicomException(Source, "no Pixel Data, Float Pixel Data or Double Float Pixel Data element");
        Rows = Required(DicomTag.Rows, "Rows");
        Columns = Required(DicomTag.Columns, "Columns");
        Frames = Math.Max(1, _ds.GetInt(DicomTag.NumberOfFrames) ?? 1);
        SamplesPerPixel = _ds.GetInt(DicomTag.SamplesPerPixel) ?? 1;
        IsFloat = _element.Tag != DicomTag.PixelData;
        BitsAllocated = _element.Tag == DicomTag.FloatPixelData ? 32 : _element.Tag == DicomTag.DoubleFloatPixelData ? 64 : Required(DicomTag.BitsAllocated, "Bits Allocated");
        BitsStored = _ds.GetInt(DicomTag.BitsStored) ?? BitsAllocated;
        PixelRepresentation = _ds.GetInt(DicomTag.PixelRepresentation) ?? 0;
        PlanarConfiguration = _ds.GetInt(DicomTag.PlanarConfiguration) ?? 0;
        Photometric = _ds.GetString(DicomTag.PhotometricInterpretation) ?? (SamplesPerPixel == 3 ? "RGB" : "MONOCHROME2");
        if (Rows <= 0 || Columns <= 0) throw Fail($"image size {Columns}x{Rows} is not positive");
        if (SamplesPerPixel is < 1 or > 4) throw Fail($"Samples per Pixel {SamplesPerPixel} not supported");
        if (BitsAllocated != 1 && (BitsAllocated % 8 != 0 || BitsAllocated > 64 || BitsAllocated <= 0))
            throw Fail($"Bits Allocated {BitsAllocated} not supported (1, 8, 16, 24, 32 or 64)");
        if (Frames > 1 << 20) throw Fail($"Number of Frames {Frames} is implausible");
        if ((long)Rows * Columns * SamplesPerPixel * BytesPerSample > int.MaxValue / 2) throw Fail($"frame of {Columns}x{Rows}x{SamplesPerPixel} is too large");
    }

    public string Source { get; }
    public TransferSyntax TransferSyntax { get; }
    public int Rows { get; }
    public int Columns { get; }
    public int Frames { get; }
    public int SamplesPerPixel { get; }
    public int BitsAllocated { get; }
    public int BitsStored { get; }
    public int PixelRepresentation { get; }
    public int PlanarConfiguration { get; }
    public string Photometric { get; }

    /// <summary>Float Pixel Data (7FE0,0008) or Double Float Pixel Data (7FE0,0009).</summary>
    public bool IsFloat { get; }

    public bool IsSigned => PixelRepresentation == 1;
    public bool IsEncapsulated => _element.Fragments is not null;

    /// <summary>Bytes of one decoded sample: 1 for 1- and 8-bit data, else Bits Allocated / 8.</summary>
    public int BytesPerSample => BitsAllocated == 1 ? 1 : BitsAllocated / 8;

    /// <summary>Bytes of one decoded frame.</summary>
    public int FrameBytes => Rows * Columns * SamplesPerPixel * BytesPerSample;

    private bool Is422 => Photometric is "YBR_FULL_422" && SamplesPerPixel == 3 && !IsEncapsulated;

    /// <summary>Bytes of one frame as stored natively (1-bit packed, 4:2:2 subsampled).</summary>
    public int NativeFrameBytes => BitsAllocated == 1 ? (int)(((long)Rows * Columns * SamplesPerPixel + 7) / 8)
        : Is422 ? Rows * Columns * 2 * BytesPerSample : FrameBytes;

    internal DicomException Fail(string reason) => new(Source, reason, _element.Offset >= 0 ? _element.Offset : null);

    private int Required(DicomTag tag, string name) =>
        _ds.GetInt(tag) ?? throw Fail($"{name} {tag} is missing or not a number");

    /// <summary>Decodes all frames into one buffer (frame after frame).</summary>
    public byte[] DecodeAll()
    {
        CheckBudget();
        // Native frames of whole bytes overwrite every output byte, so the buffer need not be zeroed first.
        var overwrites = !IsEncapsulated && BitsAllocated != 1 && !(SamplesPerPixel > 1 && PlanarConfiguration == 1 && BytesPerSample > 1) && !Is422;
        var o = overwrites ? GC.AllocateUninitializedArray<byte>(checked(FrameBytes * Frames)) : new byte[(long)FrameBytes * Frames];
        for (var f = 0; f < Frames; f++) DecodeFrame(f, o.AsSpan(f * FrameBytes, FrameBytes));
        return o;
    }

    /// <summary>
    /// All frames in the decoded layout, without a copy when the stored layout already is that layout (native, whole-byte
    /// samples, colour-by-pixel, full chroma): then the memory refers into the file's buffer. Otherwise <see cref="DecodeAll"/>.
    /// </summary>
    public ReadOnlyMemory<byte> GetFrames()
    {
        var direct = !IsEncapsulated && BitsAllocated != 1 && !Is422 && !(SamplesPerPixel > 1 && PlanarConfiguration == 1);
        if (!direct) return DecodeAll();
        CheckBudget();
        return _element.Value[..(FrameBytes * Frames)];
    }

    public byte[] DecodeFrame(int frame)
    {
        var o = new byte[FrameBytes];
        DecodeFrame(frame, o);
        return o;
    }

    /// <summary>Decodes frame <paramref name="frame"/> (0-based) into <paramref name="output"/> of <see cref="FrameBytes"/> bytes.</summary>
    public void DecodeFrame(int frame, Span<byte> output)
    {
        if (frame < 0 || frame >= Frames) throw new ArgumentOutOfRangeException(nameof(frame));
        if (output.Length != FrameBytes) throw new ArgumentException($"output must be {FrameBytes} bytes", nameof(output));
        if (_element.Fragments is { } frags)
        {
            var codec = _codecs.Find(TransferSyntax)
                ?? throw Fail($"no decoder for transfer syntax {TransferSyntax.Name} ({TransferSyntax.Uid})");
            var data = DicomFrameSplitter.Frame(this, frags, _ds, frame);
            codec.Decode(this, data, output);
            return;
        }
        if (TransferSyntax.Encapsulated && TransferSyntax.Uid != TransferSyntax.DeflatedImageFrameCompression.Uid)
        { /* native pixel data in an encapsulated syntax (seen in the wild): decode it natively */ }
        var v = _element.Value.Span;
        if (BitsAllocated == 1)
        {
            var bits = (long)Rows * Columns * SamplesPerPixel;
            var need = (bits * Frames + 7) / 8;
            if (v.Length < need) throw Fail($"pixel data holds {v.Length} bytes, {need} expected for {Frames} frames of 1-bit data");
            var start = bits * frame;
            if ((start & 7) == 0)
            {
                // Byte-aligned frame: eight pixels per byte, least significant bit first (PS3.5 8.1.1).
                var src = v[(int)(start >> 3)..];
                var whole = (int)(bits >> 3);
                for (var i = 0; i < whole; i++)
                {
                    var x = src[i];
                    var o = output.Slice(i * 8, 8);
                    o[0] = (byte)(x & 1); o[1] = (byte)(x >> 1 & 1); o[2] = (byte)(x >> 2 & 1); o[3] = (byte)(x >> 3 & 1);
                    o[4] = (byte)(x >> 4 & 1); o[5] = (byte)(x >> 5 & 1); o[6] = (byte)(x >> 6 & 1); o[7] = (byte)(x >> 7 & 1);
                }
                for (var i = whole * 8; i < bits; i++) output[i] = (byte)((src[i >> 3] >> (i & 7)) & 1);
                return;
            }
            for (long i = 0; i < bits; i++)
            {
                var b = start + i;
                output[(int)i] = (byte)((v[(int)(b >> 3)] >> (int)(b & 7)) & 1);
            }
            return;
        }
        var n = NativeFrameBytes;
        if (v.Length < (long)n * Frames) throw Fail($"pixel data holds {v.Length} bytes, {(long)n * Frames} expected for {Frames} frame(s) of {Columns}x{Rows}x{SamplesPerPixel} at {BitsAllocated} bits");
        UnpackNative(v.Slice(frame * n, n), output);
    }

    /// <summary>Reorders one native frame into the output layout (planar to interleaved, 4:2:2 to full).</summary>
    internal void UnpackNative(ReadOnlySpan<byte> native, Span<byte> output)
    {
        var bps = BytesPerSample;
        var spp = SamplesPerPixel;
        var pixels = Rows * Columns;
        if (BitsAllocated == 1)
        {
            var bits = Math.Min(output.Length, native.Length * 8);
            for (var i = 0; i < bits; i++) output[i] = (byte)((native[i >> 3] >> (i & 7)) & 1);
            return;
        }
        if (Is422 && bps == 1)
        {
            // Y1 Y2 Cb Cr per pixel pair (PS3.3 C.7.6.3.1.2) -> Y Cb Cr for each pixel.
            for (int p = 0, i = 0; p + 1 < pixels + 1 && i + 3 < native.Length; p += 2, i += 4)
            {
                output[p * 3] = native[i]; output[p * 3 + 1] = native[i + 2]; output[p * 3 + 2] = native[i + 3];
                if (p + 1 < pixels) { output[p * 3 + 3] = native[i + 1]; output[p * 3 + 4] = native[i + 2]; output[p * 3 + 5] = native[i + 3]; }
            }
            return;
        }
        if (spp > 1 && PlanarConfiguration == 1 && bps == 1 && native.Length >= spp * pixels)
        {
            for (var s = 0; s < spp; s++)
            {
                var plane = native.Slice(s * pixels, pixels);
                for (var p = 0; p < pixels; p++) output[p * spp + s] = plane[p];
            }
            return;
        }
        if (spp > 1 && PlanarConfiguration == 1)
        {
            for (var s = 0; s < spp; s++)
                for (var p = 0; p < pixels; p++)
                    native.Slice((s * pixels + p) * bps, bps).CopyTo(output[((p * spp + s) * bps)..]);
            return;
        }
        native[..Math.Min(native.Length, output.Length)].CopyTo(output);
    }

    /// <summary>
    /// The decoded size must stay within a bound derived from the stored size, so that a few hostile header bytes cannot
    /// demand gigabytes: native data must be present in full; encapsulated data may expand at most 4096-fold (beyond
    /// deflate's 1032:1, RLE's 64:1 and JPEG's practical ratios) plus 16 MiB.
    /// </summary>
    public void CheckBudget()
    {
        var total = (long)FrameBytes * Frames;
        if (_element.Fragments is { } f)
        {
            var stored = f.EncodedLength;
            if (total > stored * 4096 + (16 << 20)) throw Fail($"{Frames} frame(s) of {FrameBytes} bytes cannot come from {stored} bytes of encapsulated data");
        }
        else if (BitsAllocated != 1 && _element.Value.Length < (long)NativeFrameBytes * Frames)
            throw Fail($"pixel data holds {_element.Value.Length} bytes, {(long)NativeFrameBytes * Frames} expected for {Frames} frame(s) of {Columns}x{Rows}x{SamplesPerPixel} at {BitsAllocated} bits");
        if (total > Array.MaxLength) throw Fail($"decoded pixel data of {total} bytes is too large");
    }

    /// <summary>Sample value at a byte offset of a decoded buffer, sign-extended from Bits Stored when signed.</summary>
    public double SampleAt(ReadOnlySpan<byte> decoded, int byteOffset)
    {
        var s = decoded[byteOffset..];
        if (IsFloat) return BitsAllocated == 32 ? BinaryPrimitives.ReadSingleLittleEndian(s) : BinaryPrimitives.ReadDoubleLittleEndian(s);
        ulong raw = BytesPerSample switch
        {
            1 => s[0],
            2 => BinaryPrimitives.ReadUInt16LittleEndian(s),
            4 => BinaryPrimitives.ReadUInt32LittleEndian(s),
            8 => BinaryPrimitives.ReadUInt64LittleEndian(s),
            _ => ReadN(s, BytesPerSample),
        };
        var bits = Math.Clamp(BitsStored, 1, BytesPerSample * 8);
        if (bits < 64) raw &= (1UL << bits) - 1;
        if (IsSigned && bits < 64 && (raw >> (bits - 1) & 1) == 1) return (long)(raw | ~((1UL << bits) - 1));
        return IsSigned && bits == 64 ? (long)raw : raw;
    }

    private static ulong ReadN(ReadOnlySpan<byte> s, int n)
    {
        ulong v = 0;
        for (var i = n - 1; i >= 0; i--) v = v << 8 | s[i];
        return v;
    }
}
