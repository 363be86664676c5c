using StanceBoard.Dashboard.Cli;

// One executable: the web app (`serve`, the default) and the CLI verbs.
return await CliApp.RunAsync(args);

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
