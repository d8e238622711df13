namespace DiscScope.Reporting.Dicom.Sr;

/// <summary>The SR content item value types DiscScope writes (PS3.3 C.17.3.2.1, Value Type (0040,A040)).</summary>
public enum SrValueType { Container, Code, Num, Text, UidRef, Image }
