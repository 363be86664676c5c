using System.Text;
using StanceBoard.Analysis.Data;
using StanceBoard.Dashboard.Labelling.Files;

namespace StanceBoard.Dashboard.Tests.Labelling;

public sealed class LabelFileReaderTests
{
    private const string Csv = "text,target,stance\nAnkara sent drones.,Turkey,favor\nMoscow stayed out.,Russia,none\n";

    [Fact]
    public void Read_FileWithinTheLimit_ReturnsItsRowsWithLineNumbers()
    {
        var problems = new List<DataProblem>();

        var rows = LabelFileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(Csv)), LabelFileFormat.Csv, maxBytes: Csv.Length, problems);

        rows.Select(r => (r.Line, r["target"])).ShouldBe([(2, "Turkey"), (3, "Russia")]);
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void Read_FileOverTheLimit_IsRefusedNamingTheLimit()
    {
        var problems = new List<DataProblem>();

        var refused = Should.Throw<LabelFileException>(() => LabelFileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(Csv)), LabelFileFormat.Csv, maxBytes: Csv.Length - 1, problems));

        refused.Message.ShouldBe($"The file is larger than the limit of {Csv.Length - 1:N0} bytes.");
    }
}
