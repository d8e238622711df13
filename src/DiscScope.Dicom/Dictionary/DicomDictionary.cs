using System.Collections.Frozen;

namespace DiscScope.Dicom;

/// <summary>
/// The public data dictionary (PS3.6 registry), generated from dcmtk's dicom.dic by tools/dicom-dictionary/generate.py
/// (see the provenance header of DicomDictionary.Generated.cs). Private tags are not in it.
/// </summary>
public static partial class DicomDictionary
{
    private static readonly FrozenDictionary<uint, DicomDictionaryEntry> Exact = CreateExact().ToFrozenDictionary(e => e.Tag);
    private static readonly DicomDictionaryRange[] Ranges = CreateRanges();
    private static readonly Lazy<FrozenDictionary<string, DicomDictionaryEntry>> ByKeyword = new(() =>
        Exact.Values.GroupBy(e => e.Keyword, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal));

    /// <summary>Number of exact (non-repeating) entries.</summary>
    public static int Count => ExactCount;

    /// <summary>The entry for a tag (repeating groups included), or null for private and unknown tags.</summary>
    public static DicomDictionaryEntry? Find(DicomTag tag)
    {
        if (Exact.TryGetValue(tag.Value, out var e)) return e;
        if (tag.IsPrivate) return null;
        foreach (var r in Ranges) if (r.Contains(tag)) return r.Entry;
        return null;
    }

    /// <summary>The entry with this keyword (e.g. "PatientName"), or null.</summary>
    public static DicomDictionaryEntry? FindKeyword(string keyword) => ByKeyword.Value.GetValueOrDefault(keyword);

    /// <summary>
    /// The VR used for a tag in Implicit VR data sets: the dictionary VR, UL for group lengths, LO for private creators,
    /// UN for private and unknown tags. Ambiguous VRs are returned as their first choice here; the reader resolves them.
    /// </summary>
    public static string ImplicitVR(DicomTag tag)
    {
        if (tag.IsGroupLength) return "UL";
        if (tag.IsPrivateCreator) return "LO";
        return Find(tag)?.VR ?? "UN";
    }
}
