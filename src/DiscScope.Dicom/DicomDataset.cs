using System.Collections;
using System.Globalization;

namespace DiscScope.Dicom;

/// <summary>
/// An ordered set of data elements (ascending tag order, one element per tag) with the character set that applies to
/// its strings (inherited by sequence items unless an item has its own Specific Character Set).
/// </summary>
public sealed class DicomDataset : IEnumerable<DicomElement>
{
    private readonly List<DicomElement> _elements = [];
    private DicomCharset? _charset;

    public DicomDataset(DicomDataset? parent = null) { Parent = parent; }

    /// <summary>The data set holding the sequence this item belongs to; null at top level.</summary>
    public DicomDataset? Parent { get; }

    public int Count => _elements.Count;

    /// <summary>The character set for this data set's strings.</summary>
    public DicomCharset Charset
    {
        get => _charset ?? Parent?.Charset ?? DicomCharset.Default;
        set => _charset = value;
    }

    /// <summary>Adds or replaces the element with the same tag.</summary>
    public DicomDataset Add(DicomElement e)
    {
        var n = _elements.Count;
        if (n == 0 || _elements[n - 1].Tag.Value < e.Tag.Value) _elements.Add(e);
        else
        {
            var i = IndexOf(e.Tag);
            if (i >= 0) _elements[i] = e; else _elements.Insert(~i, e);
        }
        if (e.Tag == DicomTag.SpecificCharacterSet)
            _charset = new DicomCharset(DicomValues.Strings(e, DicomCharset.Default));
        return this;
    }

    public bool Remove(DicomTag tag)
    {
        var i = IndexOf(tag);
        if (i < 0) return false;
        _elements.RemoveAt(i);
        return true;
    }

    public bool Contains(DicomTag tag) => IndexOf(tag) >= 0;

    public DicomElement? this[DicomTag tag] { get { var i = IndexOf(tag); return i >= 0 ? _elements[i] : null; } }

    private int IndexOf(DicomTag tag)
    {
        int lo = 0, hi = _elements.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var v = _elements[mid].Tag.Value;
            if (v == tag.Value) return mid;
            if (v < tag.Value) lo = mid + 1; else hi = mid - 1;
        }
        return ~lo;
    }

    /// <summary>All string values of an element (backslash-separated, trailing padding removed); empty when absent.</summary>
    public string[] GetStrings(DicomTag tag) => this[tag] is { } e ? DicomValues.Strings(e, Charset) : [];

    /// <summary>The first string value, or null when absent or empty.</summary>
    public string? GetString(DicomTag tag)
    {
        var s = GetStrings(tag);
        return s.Length > 0 && s[0].Length > 0 ? s[0].Trim() : null;
    }

    /// <summary>All numeric values (binary numeric VRs, IS and DS); empty when absent.</summary>
    public double[] GetNumbers(DicomTag tag) => this[tag] is { } e ? DicomValues.Numbers(e) : [];

    public double? GetNumber(DicomTag tag) { var v = GetNumbers(tag); return v.Length > 0 ? v[0] : null; }

    public int? GetInt(DicomTag tag) => GetNumber(tag) is { } d && double.IsFinite(d) && Math.Abs(d) < int.MaxValue ? (int)d : null;

    /// <summary>
    /// The tag of a private element by its creator (PS3.5 7.8.1): the block (gggg,00xx) whose Private Creator value is
    /// <paramref name="creator"/> reserves elements (gggg,xx00-xxFF); returns (gggg,xxee) for <paramref name="element"/> ee,
    /// or null when the creator has no block in the odd group <paramref name="group"/>.
    /// </summary>
    public DicomTag? FindPrivateTag(ushort group, string creator, byte element)
    {
        if ((group & 1) == 0) throw new ArgumentException($"group {group:X4} is not private (odd)", nameof(group));
        for (ushort b = 0x10; b <= 0xFF; b++)
            if (this[new DicomTag(group, b)] is { } e && DicomValues.Strings(e, Charset) is [var v, ..] && v.Trim() == creator.Trim())
                return new DicomTag(group, (ushort)(b << 8 | element));
        return null;
    }

    /// <summary>Items of a sequence; empty when absent.</summary>
    public IReadOnlyList<DicomDataset> GetItems(DicomTag tag) => this[tag]?.Items ?? [];

    /// <summary>Sets a string element (values joined by backslash, encoded with this data set's character set).</summary>
    public DicomDataset SetString(DicomTag tag, DicomVR vr, params string[] values)
    {
        var text = string.Join('\\', values);
        var bytes = DicomVRs.UsesCharacterSet(vr) ? Charset.Encode(text) : System.Text.Encoding.ASCII.GetBytes(text);
        return Add(new DicomElement(tag, vr, bytes));
    }

    /// <summary>Sets a 16-bit unsigned element.</summary>
    public DicomDataset SetUInt16(DicomTag tag, params ushort[] values)
    {
        var b = new byte[values.Length * 2];
        for (var i = 0; i < values.Length; i++) BitConverter.TryWriteBytes(b.AsSpan(i * 2), values[i]);
        return Add(new DicomElement(tag, DicomVR.US, b));
    }

    /// <summary>Sets a DS element from numbers (formatted invariantly in at most 16 characters).</summary>
    public DicomDataset SetDecimal(DicomTag tag, params double[] values) =>
        SetString(tag, DicomVR.DS, values.Select(FormatDS).ToArray());

    private static string FormatDS(double v)
    {
        for (var p = 15; p > 1; p--)
        {
            var s = v.ToString("G" + p.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (s.Length <= 16) return s;
        }
        return v.ToString("G1", CultureInfo.InvariantCulture);
    }

    public IEnumerator<DicomElement> GetEnumerator() => _elements.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
