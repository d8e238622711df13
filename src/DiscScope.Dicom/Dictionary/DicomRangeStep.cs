namespace DiscScope.Dicom;

/// <summary>Which numbers of a tag range a repeating dictionary entry covers (dcmtk's "-", "-o-", "-u-").</summary>
public enum DicomRangeStep { Even, Odd, All }
