using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace DiscScope.Reporting.Pdf;

/// <summary>
/// A minimal flowing layout over PDFsharp: A4 pages with 40 pt margins, a cursor that moves down, wrapped paragraphs,
/// simple ruled tables (repeating their header after a page break) and scaled images; starts a new page when the next block
/// does not fit. Units are PDF points (1/72 inch).
/// </summary>
public sealed class PdfLayout : IDisposable
{
    private const double Margin = 40;
    private readonly PdfDocument _doc;
    private PdfPage _page = null!;
    private XGraphics _g = null!;
    private double _y;
    private readonly string _footer;

    public PdfLayout(PdfDocument doc, string footer)
    {
        _doc = doc; _footer = footer;
        Regular = new XFont(DejaVuFontResolver.Family, 9);
        Small = new XFont(DejaVuFontResolver.Family, 7.5);
        Bold = new XFont(DejaVuFontResolver.Family, 9, XFontStyleEx.Bold);
        H1 = new XFont(DejaVuFontResolver.Family, 16, XFontStyleEx.Bold);
        H2 = new XFont(DejaVuFontResolver.Family, 12, XFontStyleEx.Bold);
        NewPage();
    }

    public XFont Regular { get; }
    public XFont Small { get; }
    public XFont Bold { get; }
    public XFont H1 { get; }
    public XFont H2 { get; }
    public double Width => _page.Width.Point - 2 * Margin;

    private double Bottom => _page.Height.Point - Margin - 14;

    public void NewPage()
    {
        _g?.Dispose();
        _page = _doc.AddPage();
        _page.Size = PdfSharp.PageSize.A4;
        _g = XGraphics.FromPdfPage(_page);
        _y = Margin;
        _g.DrawString($"{_footer} — page {_doc.PageCount}", Small, XBrushes.Gray, new XPoint(Margin, _page.Height.Point - Margin + 4));
    }

    private void Need(double h) { if (_y + h > Bottom) NewPage(); }

    /// <summary>Starts a new page unless <paramref name="height"/> points still fit (keeps a heading with its block).</summary>
    public void KeepTogether(double height) => Need(height);

    public void Space(double h) => _y += h;

    public void Heading(string text, XFont? font = null)
    {
        var f = font ?? H2;
        Need(f.Height * 3);
        _y += f.Height * 0.4;
        _g.DrawString(text, f, XBrushes.Black, new XPoint(Margin, _y + f.Height * 0.8));
        _y += f.Height * 1.3;
    }

    /// <summary>Wrapped text; an optional background box (e.g. the disclaimer).</summary>
    public void Paragraph(string text, XFont? font = null, XColor? box = null)
    {
        var f = font ?? Regular;
        var lines = Wrap(text, f, Width - (box is null ? 0 : 8));
        var h = lines.Count * f.Height * 1.15 + (box is null ? 2 : 8);
        if (h > Bottom - Margin)
        {
            // Taller than a page (only a hostile or broken value gets here): line by line across pages, without the box, so no line is
            // drawn below the page's bottom and lost.
            foreach (var l in lines)
            {
                Need(f.Height * 1.15);
                _y += f.Height * 1.15;
                _g.DrawString(l, f, XBrushes.Black, new XPoint(Margin, _y - f.Height * 0.25));
            }
            _y += 4;
            return;
        }
        Need(h);
        if (box is { } c)
            _g.DrawRectangle(new XPen(XColors.DarkGoldenrod, 0.8), new XSolidBrush(c), Margin, _y, Width, h);
        var x = Margin + (box is null ? 0 : 4); var y = _y + (box is null ? 0 : 4);
        foreach (var l in lines) { y += f.Height * 1.15; _g.DrawString(l, f, XBrushes.Black, new XPoint(x, y - f.Height * 0.25)); }
        _y += h + 2;
    }

    /// <summary>A table with relative column widths; cells wrap; rows never split across pages; red text for flagged cells.</summary>
    public void Table(IReadOnlyList<string> header, IReadOnlyList<double> weights, IEnumerable<IReadOnlyList<(string Text, bool Flag)>> rows, XFont? font = null)
    {
        var f = font ?? Regular;
        var total = weights.Sum();
        var widths = weights.Select(w => w / total * Width).ToArray();
        void Row(IReadOnlyList<(string Text, bool Flag)> cells, bool head)
        {
            var cf = head ? new XFont(DejaVuFontResolver.Family, f.Size, XFontStyleEx.Bold) : f;
            var wrapped = cells.Select((c, i) => Wrap(c.Text, cf, widths[i] - 4)).ToList();
            var h = wrapped.Max(w => w.Count) * cf.Height * 1.1 + 4;
            if (_y + h > Bottom) { NewPage(); if (!head) Row(header.Select(s => (s, false)).ToList(), true); }
            var x = Margin;
            for (var i = 0; i < cells.Count; i++)
            {
                if (head) _g.DrawRectangle(new XSolidBrush(XColor.FromArgb(246, 248, 250)), x, _y, widths[i], h);
                _g.DrawRectangle(new XPen(XColors.LightGray, 0.5), x, _y, widths[i], h);
                var ty = _y + 2;
                foreach (var line in wrapped[i])
                {
                    ty += cf.Height * 1.1;
                    _g.DrawString(line, cf, cells[i].Flag ? XBrushes.DarkRed : XBrushes.Black, new XPoint(x + 2, ty - cf.Height * 0.25));
                }
                x += widths[i];
            }
            _y += h;
        }
        Row(header.Select(s => (s, false)).ToList(), true);
        foreach (var r in rows) Row(r, false);
        _y += 6;
    }

    /// <summary>Draws PNG images side by side (each at most maxWidth x maxHeight points) with captions below.</summary>
    public void Images(IReadOnlyList<(byte[] Png, string Caption)> images, double maxWidth, double maxHeight)
    {
        var x = Margin;
        double rowHeight = 0;
        var sized = new List<(XImage Img, double W, double H, string Caption)>();
        foreach (var (png, caption) in images)
        {
            var img = XImage.FromStream(new MemoryStream(png));
            var s = Math.Min(maxWidth / img.PointWidth, maxHeight / img.PointHeight);
            sized.Add((img, img.PointWidth * s, img.PointHeight * s, caption));
        }
        foreach (var (img, w, h, caption) in sized)
        {
            if (x + w > Margin + Width + 0.01) { _y += rowHeight + 4; x = Margin; rowHeight = 0; }
            var need = h + Small.Height * 2;
            if (_y + need > Bottom) { NewPage(); x = Margin; rowHeight = 0; }
            _g.DrawImage(img, x, _y, w, h);
            _g.DrawString(caption, Small, XBrushes.Black, new XPoint(x, _y + h + Small.Height));
            rowHeight = Math.Max(rowHeight, need);
            x += w + 8;
        }
        _y += rowHeight + 6;
        foreach (var s in sized) s.Img.Dispose();
    }

    private List<string> Wrap(string text, XFont f, double width)
    {
        var lines = new List<string>();
        foreach (var para in text.Split('\n'))
        {
            var line = "";
            foreach (var whole in para.Split(' '))
            foreach (var word in Hyphenate(whole, f, width))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && _g.MeasureString(candidate, f).Width > width) { lines.Add(line); line = word; }
                else line = candidate;
            }
            lines.Add(line);
        }
        return lines;
    }

    /// <summary>A word wider than the column is cut into pieces that fit, each but the last ending in a hyphen.</summary>
    /// <remarks>Each cut is found by bisection over prefixes no longer than the most characters that could fit (no glyph is narrower than
    /// a tenth of the font size), so a hostile 25,000-character "word" costs a few measurements per line, not one per character.</remarks>
    private IEnumerable<string> Hyphenate(string word, XFont f, double width)
    {
        var most = Math.Max(2, (int)(width / (0.1 * f.Size)) + 2);
        while (word.Length > 1 && (word.Length > most || _g.MeasureString(word, f).Width > width))
        {
            int lo = 1, hi = Math.Min(word.Length - 1, most); // the longest prefix that fits with its hyphen lies in [lo, hi]
            while (lo < hi)
            {
                var mid = (lo + hi + 1) / 2;
                if (_g.MeasureString(word[..mid] + "-", f).Width <= width) lo = mid; else hi = mid - 1;
            }
            yield return word[..lo] + "-";
            word = word[lo..];
        }
        yield return word;
    }

    public void Dispose() => _g?.Dispose();
}
