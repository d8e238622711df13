using System.Text;

namespace DiscScope.Dicom;

/// <summary>
/// Decodes and encodes strings per Specific Character Set (0008,0005), PS3.3 C.12.1.1.2 and PS3.5 section 6.1:
/// the default repertoire, the single-byte ISO_IR sets, ISO_IR 192 (UTF-8), GB18030, GBK, and ISO 2022 code extensions
/// (escape sequences switching G0/G1, reset at delimiters) for Japanese (JIS X 0201/0208) and Korean (KS X 1001).
/// Like pydicom, the default repertoire is decoded as ISO 8859-1 so that stray 8-bit bytes survive.
/// </summary>
public sealed class DicomCharset
{
    static DicomCharset() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private readonly Encoding _single;
    private readonly bool _iso2022;
    private readonly Encoding _g1Initial;

    public static DicomCharset Default { get; } = new([]);

    public DicomCharset(IReadOnlyList<string> terms)
    {
        Terms = terms;
        var first = terms.Count > 0 ? terms[0].Trim() : "";
        _iso2022 = terms.Any(t => t.Trim().StartsWith("ISO 2022", StringComparison.Ordinal)) || terms.Count > 1;
        _single = ForTerm(first) ?? Encoding.Latin1;
        _g1Initial = ForTerm(first) ?? Encoding.Latin1;
    }

    /// <summary>The defined terms of (0008,0005) as read.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>True when the character set is UTF-8 or the default repertoire (encoding is then byte-exact for ASCII).</summary>
    public bool IsUtf8 => _single.CodePage == 65001 && !_iso2022;

    /// <summary>The .NET encoding for one defined term (with or without the "ISO 2022" prefix), or null when unknown.</summary>
    public static Encoding? ForTerm(string term) => term.Trim().Replace("ISO 2022 ", "ISO_", StringComparison.Ordinal).Replace("ISO_IR", "ISO_IR", StringComparison.Ordinal) switch
    {
        "" or "ISO_IR 6" or "ISO_6" => Encoding.Latin1,
        "ISO_IR 100" => Encoding.Latin1,
        "ISO_IR 101" => Encoding.GetEncoding("iso-8859-2"),
        "ISO_IR 109" => Encoding.GetEncoding("iso-8859-3"),
        "ISO_IR 110" => Encoding.GetEncoding("iso-8859-4"),
        "ISO_IR 144" => Encoding.GetEncoding("iso-8859-5"),
        "ISO_IR 127" => Encoding.GetEncoding("iso-8859-6"),
        "ISO_IR 126" => Encoding.GetEncoding("iso-8859-7"),
        "ISO_IR 138" => Encoding.GetEncoding("iso-8859-8"),
        "ISO_IR 148" => Encoding.GetEncoding("iso-8859-9"),
        "ISO_IR 203" => Encoding.GetEncoding("iso-8859-15"),
        "ISO_IR 13" => Encoding.GetEncoding("shift_jis"),
        "ISO_IR 166" => Encoding.GetEncoding("windows-874"),
        "ISO_IR 192" => Encoding.UTF8,
        "GB18030" => Encoding.GetEncoding("GB18030"),
        "GBK" => Encoding.GetEncoding("GBK"),
        "ISO_IR 87" => Encoding.GetEncoding("euc-jp"),
        "ISO_IR 159" => Encoding.GetEncoding("euc-jp"),
        "ISO_IR 149" => Encoding.GetEncoding("euc-kr"),
        "ISO_IR 58" => Encoding.GetEncoding("gb2312"),
        _ => null,
    };

    /// <summary>Decodes a value (or one of its components) to text.</summary>
    public string Decode(ReadOnlySpan<byte> bytes)
    {
        if (!_iso2022) return _single.GetString(bytes);
        if (bytes.IndexOf((byte)0x1B) < 0 && _g1Initial.CodePage == 28591) return Encoding.Latin1.GetString(bytes);
        return DecodeIso2022(bytes);
    }

    /// <summary>Encodes text with the first character set (no ISO 2022 escapes are generated; round trips keep raw bytes instead).</summary>
    public byte[] Encode(string s) => _iso2022 ? Encoding.Latin1.GetBytes(s) : _single.GetBytes(s);

    private enum G0 { Ascii, JisX0208, JisX0212 }

    private string DecodeIso2022(ReadOnlySpan<byte> b)
    {
        var sb = new StringBuilder(b.Length);
        var g0 = G0.Ascii;
        var g1 = _g1Initial;
        var run = new List<byte>(b.Length);
        var runHigh = false;
        void Flush()
        {
            if (run.Count == 0) return;
            var a = run.ToArray();
            if (runHigh) sb.Append(g1.GetString(a));
            else if (g0 == G0.Ascii) sb.Append(Encoding.Latin1.GetString(a));
            else
            {
                // JIS X 0208 / 0212 in G0 use 7-bit byte pairs; EUC-JP carries the same pairs with the high bit set.
                var eucPrefix = g0 == G0.JisX0212 ? 1 : 0;
                var buf = new List<byte>(a.Length * 2);
                for (var n = 0; n < a.Length; n++)
                {
                    if (eucPrefix == 1 && n % 2 == 0) buf.Add(0x8F);
                    buf.Add((byte)(a[n] | 0x80));
                }
                sb.Append(Encoding.GetEncoding("euc-jp").GetString(buf.ToArray()));
            }
            run.Clear();
        }
        for (var i = 0; i < b.Length; i++)
        {
            var c = b[i];
            if (c == 0x1B)
            {
                Flush();
                var rest = b[(i + 1)..];
                var consumed = Escape(rest, ref g0, ref g1);
                i += consumed;
                continue;
            }
            // Delimiters (and control characters) switch G0 back to ASCII (PS3.5 6.1.2.5.3).
            if (g0 == G0.Ascii && c is (byte)'\\' or (byte)'^' or (byte)'=' or 0x0D or 0x0A or 0x09 or 0x0C)
            {
                // Delimiters only occur in G0 = ASCII; after them G1 returns to its initial set (PS3.5 6.1.2.5.3).
                if (runHigh) { Flush(); runHigh = false; }
                g1 = _g1Initial;
                run.Add(c);
                continue;
            }
            var high = c >= 0x80;
            if (high != runHigh) { Flush(); runHigh = high; }
            run.Add(c);
        }
        Flush();
        return sb.ToString();
    }

    /// <summary>Applies an escape sequence (bytes after ESC); returns how many bytes it used.</summary>
    private static int Escape(ReadOnlySpan<byte> r, ref G0 g0, ref Encoding g1)
    {
        if (r.Length >= 2 && r[0] == '(' && (r[1] == 'B' || r[1] == 'J')) { g0 = G0.Ascii; return 2; }
        if (r.Length >= 2 && r[0] == '$' && (r[1] == 'B' || r[1] == '@')) { g0 = G0.JisX0208; return 2; }
        if (r.Length >= 3 && r[0] == '$' && r[1] == '(' && r[2] == 'D') { g0 = G0.JisX0212; return 3; }
        if (r.Length >= 2 && r[0] == ')' && r[1] == 'I') { g1 = Encoding.GetEncoding("shift_jis"); return 2; }
        if (r.Length >= 3 && r[0] == '$' && r[1] == ')' && r[2] == 'C') { g1 = Encoding.GetEncoding("euc-kr"); return 3; }
        if (r.Length >= 3 && r[0] == '$' && r[1] == ')' && r[2] == 'A') { g1 = Encoding.GetEncoding("gb2312"); return 3; }
        if (r.Length >= 2 && r[0] == '-')
        {
            var e = r[1] switch
            {
                (byte)'A' => "ISO_IR 100", (byte)'B' => "ISO_IR 101", (byte)'C' => "ISO_IR 109", (byte)'D' => "ISO_IR 110",
                (byte)'L' => "ISO_IR 144", (byte)'G' => "ISO_IR 127", (byte)'F' => "ISO_IR 126", (byte)'H' => "ISO_IR 138",
                (byte)'M' => "ISO_IR 148", (byte)'b' => "ISO_IR 203", (byte)'T' => "ISO_IR 166", _ => null,
            };
            if (e is not null) { g1 = ForTerm(e)!; return 2; }
        }
        return 0; // unknown escape: the ESC byte is dropped, the rest decoded as is
    }
}
