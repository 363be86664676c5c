namespace StanceBoard.Ingestion.Tests;

/// <summary>Reads the project's own fixture files (written for these tests, not copied from anywhere).</summary>
internal static class Fixture
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string Read(string name) => File.ReadAllText(Path(name));
}
