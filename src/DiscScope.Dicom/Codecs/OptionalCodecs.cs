namespace DiscScope.Dicom;

/// <summary>Codecs that depend on a managed package or a native library; listed here so the registry stays one line each.</summary>
internal static class OptionalCodecs
{
    public static IEnumerable<IDicomPixelCodec> Create()
    {
        yield return new JpegCodec();
        if (OpenJpegCodec.IsAvailable) yield return new OpenJpegCodec();
        if (CharLsCodec.IsAvailable) yield return new CharLsCodec();
    }
}
