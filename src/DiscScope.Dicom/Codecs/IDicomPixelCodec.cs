namespace DiscScope.Dicom;

/// <summary>
/// Decoder for one family of encapsulated transfer syntaxes. Output: one frame as little-endian samples of
/// <see cref="DicomPixelData.BytesPerSample"/> bytes, pixels interleaved (colour-by-pixel), rows top to bottom.
/// Implementations throw <see cref="DicomException"/> for corrupt input.
/// </summary>
public interface IDicomPixelCodec
{
    /// <summary>Short name for messages, e.g. "RLE (DiscScope)".</summary>
    string Name { get; }

    bool Supports(TransferSyntax syntax);

    /// <summary>Decodes one frame into <paramref name="output"/> (exactly <see cref="DicomPixelData.FrameBytes"/> long).</summary>
    void Decode(DicomPixelData pixels, ReadOnlySpan<byte> frame, Span<byte> output);
}
