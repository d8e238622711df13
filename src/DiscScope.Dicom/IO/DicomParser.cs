using System.Buffers.Binary;
using System.IO.Compression;

namespace DiscScope.Dicom;

/// <summary>
/// Parses a Part 10 byte buffer (PS3.10 section 7, PS3.5 section 7) into data sets. Values are slices of the buffer
/// (no copies) except for big-endian numbers, which are swapped into new arrays; every length is checked against the
/// bytes that remain, so nothing is allocated beyond a small multiple of the input size.
/// </summary>
internal sealed class DicomParser
{
    private readonly string _file;
    private readonly DicomReadOptions _opt;
    private byte[] _buf;
    private bool _explicit, _big;
    private int _depth;

    public DicomParser(string file, byte[] buffer, DicomReadOptions options)
    {
        _file = file; _buf = buffer; _opt = options;
    }

    private DicomException Fail(string reason, long offset) => new(_file, reason, offset);

    public DicomFile Parse()
    {
        var b = _buf;
        byte[]? preamble = null;
        var pos = 0;
        if (b.Length >= 132 && b[128] == 'D' && b[129] == 'I' && b[130] == 'C' && b[131] == 'M')
        {
            preamble = b[..128];
            pos = 132;
        }
        else if (b.Length >= 4 && b[0] == 'D' && b[1] == 'I' && b[2] == 'C' && b[3] == 'M') pos = 4;

        var meta = new DicomDataset();
        // File Meta Information: always Explicit VR Little Endian (PS3.10 7.1); read every group 0002 element.
        _explicit = true; _big = false;
        if (pos + 8 <= b.Length && ProbeMeta(pos))
            ParseItems(ref pos, b.Length, meta, stopAtItemEnd: false, groupTwoOnly: true);

        TransferSyntax ts;
        var tsUid = meta.GetString(DicomTag.TransferSyntaxUID);
        if (tsUid is not null) ts = TransferSyntax.Parse(tsUid);
        else
        {
            if (preamble is null && pos == 0 && !Plausible(b))
                throw Fail("not a DICOM file: no 'DICM' prefix and no plausible data element at the start", 0);
            ts = Guess(pos);
        }
        if (ts.Deflated) { _buf = Inflate(pos); pos = 0; }
        _explicit = ts.ExplicitVR; _big = ts.BigEndian;
        // Some files declare one VR encoding and use the other; trust the bytes (as pydicom and dcmtk do).
        if (pos + 8 <= _buf.Length && !ts.BigEndian)
        {
            var looksExplicit = LooksExplicit(pos);
            if (looksExplicit != _explicit) _explicit = looksExplicit;
        }
        var ds = new DicomDataset();
        ParseItems(ref pos, _buf.Length, ds, stopAtItemEnd: false, groupTwoOnly: false);
        return new DicomFile(meta, ds, ts, preamble, _file, ExplicitVR: _explicit);
    }

    /// <summary>True when the first bytes can start a Part 10 file or a bare data set (the test the parser applies).</summary>
    public static bool Plausible(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 132 && b[128] == 'D' && b[129] == 'I' && b[130] == 'C' && b[131] == 'M') return true;
        if (b.Length >= 4 && b[0] == 'D' && b[1] == 'I' && b[2] == 'C' && b[3] == 'M') return true;
        if (b.Length < 8) return false;
        var gLe = BinaryPrimitives.ReadUInt16LittleEndian(b);
        var gBe = BinaryPrimitives.ReadUInt16BigEndian(b);
        return (gLe is >= 0x0002 and <= 0x0010 && (gLe & 1) == 0) || (gBe is >= 0x0002 and <= 0x0010 && (gBe & 1) == 0);
    }

    private bool ProbeMeta(int pos) =>
        BinaryPrimitives.ReadUInt16LittleEndian(_buf.AsSpan(pos)) == 0x0002 && DicomVRs.TryParse(_buf[pos + 4], _buf[pos + 5], out _);

    private bool LooksExplicit(int pos) =>
        pos + 6 <= _buf.Length && DicomVRs.TryParse(_buf[pos + 4], _buf[pos + 5], out _);

    private TransferSyntax Guess(int pos)
    {
        if (pos + 8 > _buf.Length) return TransferSyntax.ExplicitVRLittleEndian;
        var gLe = BinaryPrimitives.ReadUInt16LittleEndian(_buf.AsSpan(pos));
        var gBe = BinaryPrimitives.ReadUInt16BigEndian(_buf.AsSpan(pos));
        var vr = LooksExplicit(pos);
        if (gBe is >= 0x0002 and <= 0x0010 && !(gLe is >= 0x0002 and <= 0x0010))
            return vr ? TransferSyntax.ExplicitVRBigEndian : TransferSyntax.ExplicitVRBigEndian;
        return vr ? TransferSyntax.ExplicitVRLittleEndian : TransferSyntax.ImplicitVRLittleEndian;
    }

    private byte[] Inflate(int pos)
    {
        var compressed = _buf.Length - pos;
        var limit = (long)compressed * _opt.MaxInflateRatio + 65536;
        try
        {
            using var z = new DeflateStream(new MemoryStream(_buf, pos, compressed), CompressionMode.Decompress);
            using var o = new MemoryStream();
            var tmp = new byte[81920];
            int n;
            while ((n = z.Read(tmp, 0, tmp.Length)) > 0)
            {
                if (o.Length + n > limit || o.Length + n > Array.MaxLength)
                    throw Fail($"deflated data set inflates beyond {limit} bytes", pos);
                o.Write(tmp, 0, n);
            }
            return o.ToArray();
        }
        catch (InvalidDataException e) { throw new DicomException(_file, "corrupt deflated data set: " + e.Message, pos, e); }
    }

    private ushort U16(int p) => _big ? BinaryPrimitives.ReadUInt16BigEndian(_buf.AsSpan(p)) : BinaryPrimitives.ReadUInt16LittleEndian(_buf.AsSpan(p));
    private uint U32(int p) => _big ? BinaryPrimitives.ReadUInt32BigEndian(_buf.AsSpan(p)) : BinaryPrimitives.ReadUInt32LittleEndian(_buf.AsSpan(p));

    /// <summary>
    /// Reads elements into <paramref name="ds"/> until <paramref name="end"/>, an item delimiter (when parsing an
    /// undefined-length item) or, for the meta group, the first element outside group 0002.
    /// </summary>
    private void ParseItems(ref int pos, int end, DicomDataset ds, bool stopAtItemEnd, bool groupTwoOnly)
    {
        var b = _buf;
        while (true)
        {
            if (end - pos < 8)
            {
                if (stopAtItemEnd && end != _buf.Length) throw Fail("item has no Item Delimitation before the end of its container", pos);
                // Fewer than 8 trailing bytes cannot hold an element; ignored like trailing padding (pydicom does the same).
                pos = end;
                return;
            }
            var start = pos;
            var group = U16(pos);
            var elem = U16(pos + 2);
            if (groupTwoOnly && group != 0x0002) return;
            var tag = new DicomTag(group, elem);
            if (group == 0xFFFE)
            {
                var l = U32(pos + 4);
                if (elem == 0xE00D)
                {
                    pos += 8;
                    if (stopAtItemEnd) return;
                    continue; // stray item delimiter at data-set level: skipped
                }
                if (elem == 0xE0DD) { pos += 8; continue; } // stray sequence delimiter
                throw Fail($"unexpected item tag {tag} inside a data set (length {l})", start);
            }
            if (_opt.StopBefore is { } stop && tag.Value >= stop.Value && ds.Parent is null && !groupTwoOnly) { pos = end; return; }

            DicomVR vr;
            uint length;
            var isExplicit = _explicit || groupTwoOnly;
            if (isExplicit)
            {
                var letters = b[pos + 4] is >= (byte)'A' and <= (byte)'Z' && b[pos + 5] is >= (byte)'A' and <= (byte)'Z';
                if (!letters)
                {
                    // Not a VR at all: some writers switch to implicit VR mid-stream; read this element as implicit (pydicom does too).
                    vr = ImplicitVR(tag, ds);
                    length = U32(pos + 4);
                    pos += 8;
                }
                else if (!DicomVRs.TryParse(b[pos + 4], b[pos + 5], out vr))
                    throw Fail($"unknown VR '{(char)b[pos + 4]}{(char)b[pos + 5]}' for {tag}", start);
                else if (DicomVRs.HasLongLength(vr))
                {
                    if (end - pos < 12) throw Fail($"header of {tag} runs past the end", start);
                    length = U32(pos + 8);
                    pos += 12;
                }
                else
                {
                    length = U16(pos + 6);
                    pos += 8;
                }
            }
            else
            {
                vr = ImplicitVR(tag, ds);
                length = U32(pos + 4);
                pos += 8;
            }

            DicomElement e;
            if (length == 0xFFFFFFFF)
            {
                if (vr == DicomVR.SQ || vr == DicomVR.UN || (!isExplicit && tag.IsPrivate))
                {
                    // Undefined length UN holds an Implicit VR Little Endian sequence (PS3.5 6.2.2 note 4).
                    var saveE = _explicit; var saveB = _big;
                    if (vr == DicomVR.UN) { _explicit = false; _big = false; }
                    var items = ParseSequence(ref pos, end, undefined: true, start, ds);
                    _explicit = saveE; _big = saveB;
                    e = new DicomElement(tag, items, start);
                }
                else if (vr is DicomVR.OB or DicomVR.OW)
                {
                    // Encapsulated data is OB whatever an implicit-VR dictionary lookup said (PS3.5 A.4).
                    e = new DicomElement(tag, isExplicit ? vr : DicomVR.OB, ParseFragments(ref pos, end, start), start);
                }
                else throw Fail($"undefined length on {tag} with VR {vr}", start);
            }
            else
            {
                // A value running past the end is cut at the end (a truncated file keeps what it has, as in pydicom);
                // nothing is allocated for the missing part.
                var len = length > (uint)(end - pos) ? end - pos : (int)length;
                if (vr == DicomVR.UN && !tag.IsPrivate && DicomDictionary.Find(tag) is { } known && known.VR != "UN")
                {
                    // Explicit UN for a known public tag: reinterpret with the dictionary VR (implicit LE bytes), as pydicom does.
                    vr = ResolveAmbiguous(known.VR, tag, ds);
                    if (vr == DicomVR.SQ)
                    {
                        var saveE = _explicit; var saveB = _big;
                        _explicit = false; _big = false;
                        var p2 = pos;
                        var items = ParseSequence(ref p2, pos + len, undefined: false, start, ds);
                        _explicit = saveE; _big = saveB;
                        pos += len;
                        ds.Add(new DicomElement(tag, items, start));
                        continue;
                    }
                }
                if (vr == DicomVR.SQ)
                {
                    var p2 = pos;
                    var items = ParseSequence(ref p2, pos + len, undefined: false, start, ds);
                    e = new DicomElement(tag, items, start);
                }
                else
                {
                    var unit = _big ? DicomVRs.SwapUnit(vr) : 1;
                    // Big-endian pixel data holds whole samples of Bits Allocated (e.g. 32-bit dose values in OW), as dcmtk reads it.
                    if (unit == 2 && tag == DicomTag.PixelData && Root(ds).GetNumber(DicomTag.BitsAllocated) is { } ba && ba is 32 or 64)
                        unit = (int)ba / 8;
                    e = new DicomElement(tag, vr, unit > 1 ? Swap(pos, len, unit) : new ReadOnlyMemory<byte>(b, pos, len), start);
                }
                pos += len;
            }
            ds.Add(e);
        }
    }

    private byte[] Swap(int pos, int len, int unit)
    {
        var o = new byte[len];
        _buf.AsSpan(pos, len).CopyTo(o);
        for (var i = 0; i + unit <= len; i += unit) o.AsSpan(i, unit).Reverse();
        return o;
    }

    private List<DicomDataset> ParseSequence(ref int pos, int end, bool undefined, int start, DicomDataset parent)
    {
        if (++_depth > _opt.MaxSequenceDepth) throw Fail($"sequences nested deeper than {_opt.MaxSequenceDepth}", start);
        var items = new List<DicomDataset>();
        while (true)
        {
            if (end - pos < 8)
            {
                // An undefined-length sequence cut off by the end of the file keeps the items read so far.
                if (undefined && end != _buf.Length) throw Fail("sequence has no Sequence Delimitation before the end of its container", pos);
                pos = end;
                break;
            }
            var itemStart = pos;
            var group = U16(pos);
            var elem = U16(pos + 2);
            var len = U32(pos + 4);
            pos += 8;
            if (group == 0xFFFE && elem == 0xE0DD) break;
            if (group != 0xFFFE || elem != 0xE000)
                throw Fail($"expected an item in a sequence, found {new DicomTag(group, elem)}", itemStart);
            var item = new DicomDataset(parent);
            if (len == 0xFFFFFFFF) ParseItems(ref pos, end, item, stopAtItemEnd: true, groupTwoOnly: false);
            else
            {
                // An item longer than what remains is cut at the end (truncated files, as in pydicom).
                var itemEnd = len > (uint)(end - pos) ? end : pos + (int)len;
                ParseItems(ref pos, itemEnd, item, stopAtItemEnd: false, groupTwoOnly: false);
                pos = itemEnd;
            }
            items.Add(item);
        }
        _depth--;
        return items;
    }

    private DicomFragments ParseFragments(ref int pos, int end, int start)
    {
        ReadOnlyMemory<byte>? bot = null;
        var frags = new List<ReadOnlyMemory<byte>>();
        while (true)
        {
            if (end - pos < 8)
            {
                if (end != _buf.Length) throw Fail("encapsulated pixel data has no Sequence Delimitation before the end of its container", start);
                pos = end; // cut off by the end of the file: keep the fragments read so far
                break;
            }
            var itemStart = pos;
            var group = U16(pos);
            var elem = U16(pos + 2);
            var len = U32(pos + 4);
            pos += 8;
            if (group == 0xFFFE && elem == 0xE0DD) break;
            if (group != 0xFFFE || elem != 0xE000)
                throw Fail($"expected a fragment item in encapsulated pixel data, found {new DicomTag(group, elem)}", itemStart);
            if (len > (uint)(end - pos)) len = (uint)(end - pos); // truncated last fragment: keep what is there
            var m = new ReadOnlyMemory<byte>(_buf, pos, (int)len);
            if (bot is null) bot = m; else frags.Add(m);
            pos += (int)len;
        }
        return new DicomFragments(bot ?? ReadOnlyMemory<byte>.Empty, frags);
    }

    private DicomVR ImplicitVR(DicomTag tag, DicomDataset ds) => ResolveAmbiguous(DicomDictionary.ImplicitVR(tag), tag, ds);

    /// <summary>Resolves PS3.6's ambiguous VRs the way pydicom does (pixel representation, bits allocated).</summary>
    private DicomVR ResolveAmbiguous(string vr, DicomTag tag, DicomDataset ds)
    {
        switch (vr)
        {
            case "US or SS":
                return Root(ds).GetNumber(DicomTag.PixelRepresentation) == 1 ? DicomVR.SS : DicomVR.US;
            case "OB or OW":
                if (tag == DicomTag.PixelData && !_explicit) return DicomVR.OW;
                if (tag.Group >= 0x6000 && tag.Group <= 0x60FF) return DicomVR.OW;
                return (Root(ds).GetNumber(DicomTag.BitsAllocated) ?? 16) > 8 ? DicomVR.OW : DicomVR.OB;
            case "US or SS or OW":
                return DicomVR.OW;
            case "NONE":
                return DicomVR.UN;
        }
        return vr.Length == 2 && DicomVRs.TryParse((byte)vr[0], (byte)vr[1], out var v) ? v : DicomVR.UN;
    }

    private static DicomDataset Root(DicomDataset ds)
    {
        var d = ds;
        while (d.Parent is not null) d = d.Parent;
        return d;
    }
}
