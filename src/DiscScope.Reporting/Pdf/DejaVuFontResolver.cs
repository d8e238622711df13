using PdfSharp.Fonts;

namespace DiscScope.Reporting.Pdf;

/// <summary>
/// PDFsharp's font source on Linux (which has no font API PDFsharp can use): every family resolves to DejaVu Sans (regular
/// or bold; italic falls back to upright), read from the files <see cref="FontLocator"/> finds. Missing fonts fail with a
/// <see cref="ReportingException"/> that names the Debian package fonts-dejavu-core.
/// </summary>
public sealed class DejaVuFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string RegularFace = "DejaVuSans", BoldFace = "DejaVuSans-Bold";

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? BoldFace : RegularFace);

    public byte[]? GetFont(string faceName) =>
        File.ReadAllBytes(FontLocator.Find(faceName == BoldFace ? FontLocator.Bold : FontLocator.Regular));
}
