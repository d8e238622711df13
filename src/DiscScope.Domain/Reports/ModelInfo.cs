namespace DiscScope.Domain.Reports;

/// <summary>A model that contributed to a report: name, version, and the SHA-256 of its file.</summary>
public sealed record ModelInfo(string Name, string Version, string? Sha256 = null);
