namespace DiscScope.Imaging.Formats;

/// <summary>The registry with every format DiscScope.Imaging implements.</summary>
public static class DefaultFormats
{
    public static FormatRegistry Create()
    {
        var r = new FormatRegistry();
        // Format implementations register here (NIfTI, MetaImage, PNG/JPEG, NPY).
        return r;
    }
}
