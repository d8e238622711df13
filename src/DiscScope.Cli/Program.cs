using DiscScope.Cli;

return CliApp.Run(args);
