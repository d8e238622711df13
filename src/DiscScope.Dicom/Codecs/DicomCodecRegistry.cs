namespace DiscScope.Dicom;

/// <summary>An explicit list of pixel codecs; the first that supports a transfer syntax decodes it.</summary>
public sealed class DicomCodecRegistry
{
    private readonly List<IDicomPixelCodec> _codecs = [];

    /// <summary>The codecs DiscScope ships: RLE (own code), JPEG (JpegLibrary), JPEG 2000 (OpenJPEG), JPEG-LS (CharLS), Deflated frames.</summary>
    public static DicomCodecRegistry Default { get; } = CreateDefault();

    public IReadOnlyList<IDicomPixelCodec> Codecs => _codecs;

    public DicomCodecRegistry Add(IDicomPixelCodec codec) { _codecs.Add(codec); return this; }

    public IDicomPixelCodec? Find(TransferSyntax ts) => _codecs.FirstOrDefault(c => c.Supports(ts));

    private static DicomCodecRegistry CreateDefault()
    {
        var r = new DicomCodecRegistry();
        r.Add(new RleCodec());
        r.Add(new DeflatedFrameCodec());
        foreach (var c in OptionalCodecs.Create()) r.Add(c);
        return r;
    }
}
