using PdfSharp.Fonts;

namespace DiscScope.Reporting.Pdf;

/// <summary>
/// Installs <see cref="DejaVuFontResolver"/> as PDFsharp's process-wide font resolver (PDFsharp only offers a global setting)
/// unless the host already set one. Checks up front that the fonts exist so that a missing package fails clearly.
/// </summary>
public static class PdfFontSetup
{
    private static readonly Lock Gate = new();

    public static void Ensure()
    {
        FontLocator.Find(FontLocator.Regular);
        FontLocator.Find(FontLocator.Bold);
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is null) GlobalFontSettings.FontResolver = new DejaVuFontResolver();
        }
    }
}
