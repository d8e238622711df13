namespace DiscScope.Cli.Tests.Commands;

/// <summary>Tests that redirect Console.Out/Error run one at a time.</summary>
[CollectionDefinition("Console", DisableParallelization = true)]
public sealed class ConsoleCollection;
