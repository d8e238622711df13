namespace DiscScope.Dicom;

/// <summary>
/// One registry entry of PS3.6: tag, VR (ambiguous ones written as in PS3.6, e.g. "US or SS"), VM, keyword, retired.
/// For repeating-group entries <see cref="Tag"/> is 0 and the range is held by the dictionary.
/// </summary>
public sealed record DicomDictionaryEntry(uint Tag, string VR, string VM, string Keyword, bool Retired);
