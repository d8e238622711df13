namespace DiscScope.Imaging.Formats;

/// <summary>One image file format: detection, reading and (optionally) writing. Registered in a <see cref="FormatRegistry"/>.</summary>
public interface IVolumeFormat
{
    /// <summary>Short name, e.g. "nifti".</summary>
    string Name { get; }

    /// <summary>File name endings this format claims, lower case with the dot, e.g. ".nii.gz".</summary>
    IReadOnlyList<string> Extensions { get; }

    bool CanWrite { get; }

    /// <summary>True if the first bytes of a file look like this format.</summary>
    bool Detect(ReadOnlySpan<byte> head);

    /// <summary>Reads a file; throws <see cref="ImageFormatException"/> for anything invalid.</summary>
    IVolume Read(string path, ReadOptions options);

    /// <summary>Writes a volume; throws <see cref="ImageFormatException"/> if the volume cannot be stored in this format.</summary>
    void Write(IVolume volume, string path);
}
