using DiscScope.Imaging;
using DiscScope.Imaging.Formats;

namespace DiscScope.Dicom;

/// <summary>
/// DICOM as an <see cref="IVolumeFormat"/>: a .dcm file, a ZIP of DICOM files or (through <see cref="ReadFolder"/>) a
/// folder becomes the volume of its largest series. Read-only. Warnings of the assembly go to <see cref="Warn"/>.
/// </summary>
public sealed class DicomVolumeFormat : IVolumeFormat
{
    public string Name => "dicom";
    public IReadOnlyList<string> Extensions { get; } = [".dcm", ".dicom", ".zip"];
    public bool CanWrite => false;

    /// <summary>Receives assembly warnings (non-uniform spacing, tilt, several series); null ignores them.</summary>
    public Action<string>? Warn { get; init; }

    public DicomVolumeOptions Options { get; init; } = DicomVolumeOptions.Default;

    public bool Detect(ReadOnlySpan<byte> head) => DicomFile.Detect(head);

    public IVolume Read(string path, ReadOptions options) => ReadFolder(path);

    /// <summary>Reads a file, folder or ZIP; <see cref="DicomException"/> when nothing readable is found.</summary>
    public IVolume ReadFolder(string path)
    {
        var v = DicomVolumeBuilder.Read(path, Options);
        foreach (var w in v.Warnings) Warn?.Invoke(w);
        return v.Volume;
    }

    public void Write(IVolume volume, string path) => throw new ImageFormatException(path, "writing volumes as DICOM is not supported");
}
