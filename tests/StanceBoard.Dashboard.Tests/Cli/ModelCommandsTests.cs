using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using StanceBoard.Analysis.Corpus;
using StanceBoard.Analysis.Model;

namespace StanceBoard.Dashboard.Tests.Cli;

/// <summary>The model verbs, run as the real executable on data the project wrote (a slice of the bootstrap corpus).</summary>
public sealed class ModelCommandsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stanceboard-model-cli-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private string WriteLabelled(string name, int skip, int take, params string[] badLines)
    {
        var builder = new StringBuilder("id,text,target,stance,extra\n");
        foreach (var line in badLines)
        {
            builder.Append(line).Append('\n');
        }

        foreach (var e in BootstrapCorpus.Load().Skip(skip).Take(take))
        {
            builder.Append(CultureInfo.InvariantCulture, $"x,\"{e.Text.Replace("\"", "\"\"", StringComparison.Ordinal)}\",{e.Target},{StanceText.ToText(e.Stance).ToUpperInvariant()},ignored\n");
        }

        File.WriteAllText(Path.Combine(_folder, name), builder.ToString());
        return name;
    }

    private static JsonElement LastJson(string stdout) =>
        JsonDocument.Parse(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]).RootElement;

    [Fact]
    public async Task TrainOutCv_ThenEvaluateAndPredict_WriteTheDocumentedOutputs()
    {
        var train = WriteLabelled("train.csv", 0, 240, "b1,,Russia,favor,", "b2,Ankara erred.,Turkey,sideways,", "b3,Baku spoke.,,none,");
        var holdout = WriteLabelled("holdout.csv", 600, 40);

        var trained = await CliProcess.RunAsync(_folder, "train", "--data", train, "--out", "stance.model", "--cv", "3", "--seed", "4", "--c", "0.1");

        trained.ExitCode.ShouldBe(1, trained.StdErr); // three rows were not used
        trained.StdErr.ShouldContain("train.csv:2: missing text");
        trained.StdErr.ShouldContain("train.csv:3: unknown stance label 'sideways'");
        trained.StdErr.ShouldContain("train.csv:4: empty target");
        var line = LastJson(trained.StdOut);
        line.GetProperty("examples").GetInt32().ShouldBe(240);
        line.GetProperty("targets").EnumerateArray().Select(t => t.GetString()).ShouldBe(["Azerbaijan", "Russia", "Turkey"], ignoreOrder: true);
        line.GetProperty("targets_with_own_model").EnumerateArray().Select(t => t.GetString()).ShouldNotBeEmpty();
        line.GetProperty("targets_with_own_model").EnumerateArray().ShouldAllBe(t => new[] { "Azerbaijan", "Russia", "Turkey" }.Contains(t.GetString()));
        line.GetProperty("features").GetString().ShouldBe("ngrams+embeddings"); // the default
        line.GetProperty("fit_seconds").GetDouble().ShouldBeGreaterThan(0);
        line.GetProperty("cv_folds").GetInt32().ShouldBe(3);
        line.GetProperty("f_avg").GetDouble().ShouldBeInRange(0.2, 1);
        line.GetProperty("per_target").GetProperty("Russia").GetProperty("macro_f1").GetDouble().ShouldBeInRange(0, 1);
        File.Exists(Path.Combine(_folder, "stance.model")).ShouldBeTrue();

        var evaluated = await CliProcess.RunAsync(_folder, "evaluate", "--model", "stance.model", "--data", holdout);

        evaluated.ExitCode.ShouldBe(0, evaluated.StdErr);
        var metrics = LastJson(evaluated.StdOut);
        foreach (var key in new[] { "f_avg", "f_favor", "f_against", "macro_f1", "accuracy" })
        {
            metrics.GetProperty(key).GetDouble().ShouldBeInRange(0, 1);
        }

        metrics.GetProperty("confusion").EnumerateArray().SelectMany(r => r.EnumerateArray()).Sum(c => c.GetInt32()).ShouldBe(40);
        metrics.GetProperty("per_target").EnumerateObject().Sum(t => t.Value.GetProperty("count").GetInt32()).ShouldBe(40);

        var predicted = await CliProcess.RunAsync(_folder, "predict", "--model", "stance.model", "--data", holdout, "--out", "pred.csv");

        predicted.ExitCode.ShouldBe(0, predicted.StdErr);
        var rows = File.ReadAllLines(Path.Combine(_folder, "pred.csv"));
        rows[0].ShouldBe("target,stance,score,p_favor,p_against,p_none");
        rows.Length.ShouldBe(41);
        rows.Skip(1).Select(r => r.Split(',')[0]).ShouldBe(BootstrapCorpus.Load().Skip(600).Take(40).Select(e => e.Target));
        foreach (var row in rows.Skip(1).Select(r => r.Split(',')))
        {
            var p = row[3..].Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            p.Sum().ShouldBe(1, 1e-4);
            double.Parse(row[2], CultureInfo.InvariantCulture).ShouldBe(p[0] - p[1], 1e-4);
            row[1].ShouldBeOneOf("favor", "against", "none");
        }
    }

    [Fact]
    public async Task TrainWithoutOut_RegistersAVersion_ThenScoreUsesTheActiveModelWithoutStoring()
    {
        var train = WriteLabelled("train.csv", 100, 150);
        File.WriteAllText(Path.Combine(_folder, "piece.txt"), "On Mediation\n\nMoscow's mediators deserve real credit for a disciplined mission. The roads were closed.\n");

        var trained = await CliProcess.RunAsync(_folder, "train", "--data", train, "--db", "board.db", "--promote");
        var scored = await CliProcess.RunAsync(_folder, "score", "piece.txt", "--db", "board.db");

        trained.ExitCode.ShouldBe(0, trained.StdErr);
        var version = LastJson(trained.StdOut).GetProperty("model_version").GetString();
        scored.ExitCode.ShouldBe(0, scored.StdErr);
        var piece = LastJson(scored.StdOut);
        piece.GetProperty("id").ValueKind.ShouldBe(JsonValueKind.Null);
        var russia = piece.GetProperty("targets").GetProperty("Russia");
        russia.GetProperty("model_version").GetString().ShouldBe(version);
        russia.GetProperty("evidence").EnumerateArray().ShouldAllBe(e => e.GetString()!.Contains("Moscow"));
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "board.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM pieces) || ',' || (SELECT COUNT(*) FROM model_versions) || ',' || (SELECT version FROM model_versions WHERE is_active = 1)";
        ((string)(await command.ExecuteScalarAsync())!).ShouldBe($"0,2,{version}");
    }

    [Theory]
    [InlineData("train", "--cv: 'abc' is not a whole number from 2 to 20.", "train", "--data", "x.csv", "--cv", "abc")]
    [InlineData("train", "--c: '-1' is not a number above 0 and at most 1000.", "train", "--data", "x.csv", "--c", "-1")]
    [InlineData("train", "--seed: '1.5' is not a whole number", "train", "--data", "x.csv", "--seed", "1.5")]
    [InlineData("sources add", "--interval: '0' is not a whole number from 1 to 1440.", "sources", "add", "https://example.org/feed", "--interval", "0")]
    [InlineData("sources show", "id: 'abc' is not a source id", "sources", "show", "abc")]
    public async Task BadNumber_IsNamedInWordsWithTheVerbsHelp(string verb, string expected, params string[] args)
    {
        var result = await CliProcess.RunAsync(_folder, args);

        result.ExitCode.ShouldBe(2, result.StdErr);
        result.StdErr.ShouldContain("error: " + expected);
        result.StdErr.ShouldContain($"Run 'stanceboard {verb} --help' for usage.");
        result.StdErr.ShouldNotContain("Unhandled exception");
    }

    [Fact]
    public async Task TrainWithFixedC_UsesItAsTheL2Lambda()
    {
        var train = WriteLabelled("train.csv", 0, 120);

        var fixedC = await CliProcess.RunAsync(_folder, "train", "--data", train, "--out", "fixed.model", "--c", "0.05", "--features", "ngrams");
        var chosen = await CliProcess.RunAsync(_folder, "train", "--data", train, "--out", "chosen.model", "--features", "ngrams");

        fixedC.ExitCode.ShouldBe(0, fixedC.StdErr);
        chosen.ExitCode.ShouldBe(0, chosen.StdErr);
        LastJson(fixedC.StdOut).GetProperty("features").GetString().ShouldBe("ngrams");
        LastJson(chosen.StdOut).GetProperty("features").GetString().ShouldBe("ngrams");
        LastJson(fixedC.StdOut).GetProperty("l2").GetDouble().ShouldBe(0.05);
        LastJson(chosen.StdOut).GetProperty("l2").GetDouble().ShouldBeOneOf(0.03, 0.1, 0.3, 1.0);
        File.ReadAllBytes(Path.Combine(_folder, "fixed.model")).ShouldNotBe(File.ReadAllBytes(Path.Combine(_folder, "chosen.model")));
    }

    [Fact]
    public async Task Predict_TargetsTheModelHasNoLabelsFor_AreScoredByTheSharedModelAndNamed()
    {
        var train = WriteLabelled("train.csv", 0, 240);
        File.WriteAllText(Path.Combine(_folder, "new.csv"), "text,target\n\"Yerevan's envoys deserve credit for the calm.\",Armenia\n\"Moscow acted.\",Russia\n");
        await CliProcess.RunAsync(_folder, "train", "--data", train, "--out", "stance.model", "--c", "0.1");

        var predicted = await CliProcess.RunAsync(_folder, "predict", "--model", "stance.model", "--data", "new.csv", "--out", "pred.csv");

        predicted.ExitCode.ShouldBe(0, predicted.StdErr);
        predicted.StdErr.ShouldContain("scored by its shared model: Armenia");
        File.ReadAllLines(Path.Combine(_folder, "pred.csv")).Length.ShouldBe(3);
    }

    [Fact]
    public async Task Train_OneStanceOnly_FailsWithCode1NamingTheProblem()
    {
        File.WriteAllText(Path.Combine(_folder, "one.csv"), "text,target,stance\nMoscow acted.,Russia,favor\n");

        var result = await CliProcess.RunAsync(_folder, "train", "--data", "one.csv", "--out", "m.model");

        result.ExitCode.ShouldBe(1);
        result.StdErr.ShouldContain("at least two stances");
        result.StdErr.ShouldNotContain("(Parameter"); // the user's problem, not our parameter's name
        File.Exists(Path.Combine(_folder, "m.model")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("sbstance")]
    public async Task Evaluate_UnusableModelFile_FailsWithCode1SayingWhy(string kind)
    {
        var data = WriteLabelled("data.csv", 0, 60);
        await CliProcess.RunAsync(_folder, "train", "--data", data, "--out", "good.model", "--c", "0.1");
        var good = File.ReadAllBytes(Path.Combine(_folder, "good.model"));
        File.WriteAllBytes(Path.Combine(_folder, "bad.model"), kind == "truncated" ? good[..(good.Length / 2)] : [.. "SBSTANCE"u8.ToArray(), 1, 0, 0, 0]);

        var result = await CliProcess.RunAsync(_folder, "evaluate", "--model", "bad.model", "--data", data);

        result.ExitCode.ShouldBe(1);
        result.StdErr.ShouldContain(kind == "truncated" ? "truncated" : "before ML.NET");
        result.StdErr.ShouldNotContain("Unhandled exception");
    }

    [Theory]
    [InlineData("train")]
    [InlineData("train", "--data", "x.csv", "--cv", "1")]
    [InlineData("predict", "--data", "x.csv")]
    [InlineData("train", "--data", "x.csv", "--out", "m.model", "--promote")]
    [InlineData("train", "--data", "x.csv", "--c", "0")]
    [InlineData("train", "--data", "x.csv", "--c", "NaN")]
    [InlineData("train", "--data", "x.csv", "--c", "abc")]
    [InlineData("train", "--data", "x.csv", "--cv", "abc")]
    [InlineData("train", "--data", "x.csv", "--features", "words")]
    public async Task ModelVerbs_BadUsage_ExitWithCode2(params string[] args)
    {
        var result = await CliProcess.RunAsync(_folder, args);

        result.ExitCode.ShouldBe(2, result.StdErr);
    }

    [Fact]
    public async Task ModelVerbs_CorruptModelOrEmptyData_FailWithCode1AndSayWhy()
    {
        File.WriteAllText(Path.Combine(_folder, "fake.model"), "not a model");
        var data = WriteLabelled("data.csv", 0, 5);
        File.WriteAllText(Path.Combine(_folder, "empty.csv"), "text,target,stance\n,Russia,favor\n");

        var corrupt = await CliProcess.RunAsync(_folder, "evaluate", "--model", "fake.model", "--data", data);
        var empty = await CliProcess.RunAsync(_folder, "train", "--data", "empty.csv", "--out", "m.model");

        corrupt.ExitCode.ShouldBe(1);
        corrupt.StdErr.ShouldContain("Not a StanceBoard model file: it is not a zip archive");
        empty.ExitCode.ShouldBe(1);
        empty.StdErr.ShouldContain("empty.csv:2: missing text");
    }

    [Theory]
    [InlineData("train")]
    [InlineData("predict")]
    [InlineData("evaluate")]
    [InlineData("score")]
    public async Task ModelVerbs_Help_ShowsExamples(string verb)
    {
        var result = await CliProcess.RunAsync(_folder, verb, "--help");

        result.ExitCode.ShouldBe(0);
        result.StdOut.ShouldContain("Examples:");
        result.StdOut.ShouldContain($"stanceboard {verb}");
    }

    [Fact]
    public async Task TrainPromote_RowsNotUsed_RegistersButLeavesTheActiveModel()
    {
        var data = WriteLabelled("labels.csv", 0, 120, "\"an unterminated quote,Russia,favor,");

        var trained = await CliProcess.RunAsync(_folder, "train", "--data", data, "--db", "board.db", "--c", "1", "--promote");

        trained.ExitCode.ShouldBe(1, trained.StdErr);
        trained.StdErr.ShouldContain("was not promoted");
        var version = LastJson(trained.StdOut).GetProperty("model_version").GetString();
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "board.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM model_versions WHERE version = $v) || ',' || (SELECT version FROM model_versions WHERE is_active = 1)";
        command.Parameters.AddWithValue("$v", version);
        var row = ((string)(await command.ExecuteScalarAsync())!).Split(',');
        row[0].ShouldBe("1", "the partial model is registered");
        row[1].ShouldNotBe(version, "the active model stays the one before");
    }

    [Theory]
    [InlineData("\"an unterminated quote,Russia,favor,")]
    [InlineData("x,\"OVERLONG\",Russia,favor,")]
    public async Task ModelVerbs_RowThatSwallowsTheRest_ReportEveryRowNotUsedAndExit1(string badLine)
    {
        var data = WriteLabelled("labels.csv", 0, 120, badLine.Replace("OVERLONG", new string('w', 1_000_000), StringComparison.Ordinal));

        var trained = await CliProcess.RunAsync(_folder, "train", "--data", data, "--out", "stance.model", "--c", "1");
        var evaluated = await CliProcess.RunAsync(_folder, "evaluate", "--model", "stance.model", "--data", data);
        var predicted = await CliProcess.RunAsync(_folder, "predict", "--model", "stance.model", "--data", data, "--out", "pred.csv");

        trained.ExitCode.ShouldBe(1, trained.StdErr);
        trained.StdErr.ShouldContain("labels.csv:2: ");
        trained.StdErr.ShouldContain("1 of 121 row(s) not used");
        LastJson(trained.StdOut).GetProperty("examples").GetInt32().ShouldBe(120);
        evaluated.ExitCode.ShouldBe(1, evaluated.StdErr);
        evaluated.StdErr.ShouldContain("labels.csv:2: ");
        LastJson(evaluated.StdOut).GetProperty("per_target").EnumerateObject().Sum(t => t.Value.GetProperty("count").GetInt32()).ShouldBe(120);
        predicted.ExitCode.ShouldBe(1, predicted.StdErr);
        File.ReadAllLines(Path.Combine(_folder, "pred.csv")).Length.ShouldBe(122);
    }
}
