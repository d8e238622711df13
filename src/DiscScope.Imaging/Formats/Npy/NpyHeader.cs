using System.Globalization;
using System.Text;

namespace DiscScope.Imaging.Formats.Npy;

/// <summary>
/// The header dictionary of a .npy file (NumPy NEP 1 / numpy.lib.format): descr, fortran_order, shape.
/// A small parser for the Python literal subset NumPy writes: a dict of string keys to strings, True/False and int tuples.
/// </summary>
internal sealed record NpyHeader(string Descr, bool FortranOrder, long[] Shape)
{
    public static NpyHeader Parse(string text, string path, long offset)
    {
        var p = new Parser(text, path, offset);
        return p.ParseDict();
    }

    /// <summary>The dict literal NumPy would write, without padding.</summary>
    public string Format() =>
        $"{{'descr': '{Descr}', 'fortran_order': {(FortranOrder ? "True" : "False")}, 'shape': ({string.Join(", ", Shape.Select(s => s.ToString(CultureInfo.InvariantCulture)))}{(Shape.Length == 1 ? "," : "")}), }}";

    private sealed class Parser(string s, string path, long offset)
    {
        private int _i;

        public NpyHeader ParseDict()
        {
            string? descr = null; bool? fortran = null; long[]? shape = null;
            Expect('{');
            while (true)
            {
                Ws();
                if (Peek() == '}') { _i++; break; }
                var key = String();
                Ws(); Expect(':'); Ws();
                switch (key)
                {
                    case "descr": descr = String(); break;
                    case "fortran_order": fortran = Bool(); break;
                    case "shape": shape = Tuple(); break;
                    default: throw Fail($"unknown header key '{key}'");
                }
                Ws();
                if (Peek() == ',') { _i++; continue; }
                Ws(); Expect('}');
                break;
            }
            if (descr is null || fortran is null || shape is null) throw Fail("header lacks descr, fortran_order or shape");
            return new NpyHeader(descr, fortran.Value, shape);
        }

        private char Peek() => _i < s.Length ? s[_i] : '\0';
        private void Ws() { while (_i < s.Length && char.IsWhiteSpace(s[_i])) _i++; }
        private void Expect(char c) { Ws(); if (Peek() != c) throw Fail($"expected '{c}'"); _i++; }

        private string String()
        {
            var q = Peek();
            if (q != '\'' && q != '"') throw Fail("expected a quoted string");
            var end = s.IndexOf(q, _i + 1);
            if (end < 0) throw Fail("unterminated string");
            var r = s[(_i + 1)..end];
            _i = end + 1;
            return r;
        }

        private bool Bool()
        {
            if (string.CompareOrdinal(s, _i, "True", 0, 4) == 0) { _i += 4; return true; }
            if (string.CompareOrdinal(s, _i, "False", 0, 5) == 0) { _i += 5; return false; }
            throw Fail("expected True or False");
        }

        private long[] Tuple()
        {
            Expect('(');
            var r = new List<long>();
            while (true)
            {
                Ws();
                if (Peek() == ')') { _i++; break; }
                var start = _i;
                if (Peek() == '-') _i++;
                while (_i < s.Length && char.IsAsciiDigit(s[_i])) _i++;
                // Python 2 era files may write longs as 3L.
                var digits = s[start.._i];
                if (Peek() == 'L') _i++;
                if (!long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)) throw Fail($"bad shape entry '{digits}'");
                r.Add(v);
                if (r.Count > 32) throw Fail("shape has more than 32 dimensions");
                Ws();
                if (Peek() == ',') { _i++; continue; }
                Expect(')');
                break;
            }
            return [.. r];
        }

        private ImageFormatException Fail(string why) =>
            new(path, $"bad .npy header: {why} at character {_i} of '{(s.Length > 120 ? s[..120] + "..." : s)}'", offset + _i);
    }
}
