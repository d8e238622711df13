namespace DiscScope.Cli;

/// <summary>A problem with the user's input found by the CLI itself (missing file, bad option value); exit code 1.</summary>
public sealed class InputException(string message) : Exception(message);
