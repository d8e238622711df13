namespace DiscScope.Reporting.Dicom.Sr;

/// <summary>Relationship of a content item to its parent (PS3.3 C.17.3.2.4, Relationship Type (0040,A010)).</summary>
public enum SrRelationship { Contains, HasObsContext, HasConceptMod, HasProperties }
