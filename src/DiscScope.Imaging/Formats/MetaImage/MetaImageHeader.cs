using System.Globalization;
using System.Text;

namespace DiscScope.Imaging.Formats.MetaImage;

/// <summary>
/// The "Key = Value" lines of a MetaImage header up to and including ElementDataFile (which MetaIO requires to be last),
/// with typed accessors that report the offending key and line offset.
/// </summary>
internal sealed class MetaImageHeader
{
    /// <summary>Largest header text read before giving up on finding ElementDataFile.</summary>
    public const int MaxHeaderBytes = 1 << 20;

    private readonly Dictionary<string, (string Value, long Offset)> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _path;

    private MetaImageHeader(string path) { _path = path; }

    /// <summary>Byte offset just after the ElementDataFile line (where LOCAL data starts).</summary>
    public long DataOffset { get; private set; }

    /// <summary>Parses the header text at the start of <paramref name="head"/>; <paramref name="wholeFile"/> when it is the entire file.</summary>
    public static MetaImageHeader Parse(ReadOnlySpan<byte> head, string path, bool wholeFile)
    {
        var h = new MetaImageHeader(path);
        var pos = 0;
        while (pos < head.Length)
        {
            var nl = head[pos..].IndexOf((byte)'\n');
            if (nl < 0 && !wholeFile) break;
            var line = nl < 0 ? head[pos..] : head.Slice(pos, nl); // a .mhd may end without a final newline
            var lineStart = pos;
            pos += nl < 0 ? line.Length : nl + 1;
            foreach (var c in line)
                if (c != (byte)'\t' && c != (byte)'\r' && (c < 32 || c == 127))
                    throw new ImageFormatException(path, "not a MetaImage header: control bytes before ElementDataFile", lineStart);
            // Text past ASCII (a UTF-8 Comment, say) is kept byte for byte; only the ASCII keys and values are interpreted.
            var text = Encoding.Latin1.GetString(line).Trim();
            if (text.Length == 0) continue;
            var eq = text.IndexOf('=');
            if (eq <= 0) throw new ImageFormatException(path, $"not a MetaImage header line (no 'Key = Value'): '{Clip(text)}'", lineStart);
            var key = text[..eq].Trim();
            var value = text[(eq + 1)..].Trim();
            h._values[key] = (value, lineStart);
            if (key.Equals("ElementDataFile", StringComparison.OrdinalIgnoreCase))
            {
                h.DataOffset = pos;
                return h;
            }
        }
        throw new ImageFormatException(path, head.Length >= MaxHeaderBytes
            ? $"no ElementDataFile line in the first {MaxHeaderBytes} bytes"
            : "MetaImage header ends without an ElementDataFile line", head.Length);
    }

    public bool Has(string key) => _values.ContainsKey(key);

    public string? Text(params string[] keys)
    {
        foreach (var k in keys) if (_values.TryGetValue(k, out var v)) return v.Value;
        return null;
    }

    public long OffsetOf(params string[] keys)
    {
        foreach (var k in keys) if (_values.TryGetValue(k, out var v)) return v.Offset;
        return 0;
    }

    public bool Bool(bool fallback, params string[] keys)
    {
        var t = Text(keys);
        if (t is null) return fallback;
        if (t.Equals("True", StringComparison.OrdinalIgnoreCase) || t == "1") return true;
        if (t.Equals("False", StringComparison.OrdinalIgnoreCase) || t == "0") return false;
        throw new ImageFormatException(_path, $"{keys[0]} must be True or False, found '{Clip(t)}'", OffsetOf(keys));
    }

    /// <summary>Exactly <paramref name="count"/> finite numbers, or null when none of the keys is present.</summary>
    public double[]? Numbers(int count, params string[] keys)
    {
        var t = Text(keys);
        if (t is null) return null;
        var parts = t.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != count) throw new ImageFormatException(_path, $"{keys[0]} needs {count} values, found {parts.Length}: '{Clip(t)}'", OffsetOf(keys));
        var r = new double[count];
        for (var i = 0; i < count; i++)
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out r[i]) || !double.IsFinite(r[i]))
                throw new ImageFormatException(_path, $"{keys[0]} value '{Clip(parts[i])}' is not a finite number", OffsetOf(keys));
        return r;
    }

    /// <summary>Exactly <paramref name="count"/> integers, or null when absent.</summary>
    public long[]? Integers(int count, params string[] keys)
    {
        var t = Text(keys);
        if (t is null) return null;
        var parts = t.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != count) throw new ImageFormatException(_path, $"{keys[0]} needs {count} values, found {parts.Length}: '{Clip(t)}'", OffsetOf(keys));
        var r = new long[count];
        for (var i = 0; i < count; i++)
            if (!long.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out r[i]))
                throw new ImageFormatException(_path, $"{keys[0]} value '{Clip(parts[i])}' is not an integer", OffsetOf(keys));
        return r;
    }

    private static string Clip(string s) => s.Length <= 60 ? s : s[..60] + "...";
}
