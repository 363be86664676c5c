using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using StanceBoard.Analysis.Data;
using StanceBoard.Tests.Shared;

namespace StanceBoard.Dashboard.Tests.Labelling;

/// <summary>Saving labels, their history, concurrent saves, and bad input through the API.</summary>
public sealed class LabelsApiTests : IDisposable
{
    private readonly LabellingFactory _factory = new(new Dictionary<string, string?> { ["Labelling:EvaluationShare"] = "0.2", ["Labelling:DoubleAnnotationShare"] = "0" });

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Save_ThreeTargets_StoresOneLabelEachWithTheAnnotator()
    {
        var piece = await Pieces.PostAsync(_factory, "Three targets", "Moscow deserves praise for the talks. Ankara must answer for the drones. Baku merely reported on the front.");
        using var key = _factory.WithKey(StanceBoardFactory.AnnotatorKey);

        var response = await key.PostAsJsonAsync("/api/labels", new
        {
            pieceId = piece,
            labels = new object[] { new { target = "Russia", stance = "favor" }, new { target = "turkey", stance = "AGAINST" }, new { target = "Azerbaijan", stance = "neutral", evidence = new[] { 2 }, note = "just <b>reports</b>" } },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var history = await key.GetFromJsonAsync<JsonElement>($"/api/labels/pieces/{piece}/history");
        var labels = history.EnumerateArray().ToList();
        labels.Count.ShouldBe(3);
        labels.Select(l => l.GetProperty("target").GetString()).ShouldBe(["Russia", "Turkey", "Azerbaijan"]);
        labels.Select(l => l.GetProperty("stance").GetString()).ShouldBe(["favor", "against", "none"]);
        labels.ShouldAllBe(l => l.GetProperty("annotator").GetString()!.StartsWith("key:"));
        labels[2].GetProperty("evidence").EnumerateArray().Single().GetInt32().ShouldBe(2);
        labels[2].GetProperty("note").GetString().ShouldBe("just <b>reports</b>");
    }

    [Fact]
    public async Task Save_ChangedStance_KeepsTheOldVersionAsHistory()
    {
        var piece = await Pieces.PostAsync(_factory, "Changing mind", "Moscow deserves praise for the talks.");
        using var key = _factory.WithKey(StanceBoardFactory.AnnotatorKey);

        await Save(key, piece, "favor");
        await Save(key, piece, "favor"); // the same again: nothing new
        await Save(key, piece, "against");

        var history = (await key.GetFromJsonAsync<JsonElement>($"/api/labels/pieces/{piece}/history")).EnumerateArray().ToList();
        history.Count.ShouldBe(2);
        history[0].GetProperty("stance").GetString().ShouldBe("favor");
        history[0].GetProperty("isCurrent").GetBoolean().ShouldBeFalse();
        history[1].GetProperty("stance").GetString().ShouldBe("against");
        history[1].GetProperty("replaces").GetInt64().ShouldBe(history[0].GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Save_UnknownTargetBadStanceBadEvidence_400NamingTheField()
    {
        var piece = await Pieces.PostAsync(_factory, "Bad input", "Moscow deserves praise for the talks. Ankara too.");
        using var key = _factory.WithKey(StanceBoardFactory.AnnotatorKey);

        var unknown = await key.PostAsJsonAsync("/api/labels", new { pieceId = piece, labels = new[] { new { target = "Armenia", stance = "favor" } } });
        var stance = await key.PostAsJsonAsync("/api/labels", new { pieceId = piece, labels = new[] { new { target = "Russia", stance = "maybe" } } });
        var evidence = await key.PostAsJsonAsync("/api/labels", new { pieceId = piece, labels = new[] { new { target = "Russia", stance = "favor", evidence = new[] { 7 } } } });
        var twice = await key.PostAsJsonAsync("/api/labels", new { pieceId = piece, labels = new[] { new { target = "Russia", stance = "favor" }, new { target = "russia", stance = "none" } } });
        var empty = await key.PostAsJsonAsync("/api/labels", new { pieceId = piece, labels = Array.Empty<object>() });
        var malformed = await key.PostAsync("/api/labels", new StringContent("{\"pieceId\": \"x\"", Encoding.UTF8, "application/json"));

        (await ErrorField(unknown)).ShouldBe("labels[0].target");
        (await Detail(unknown)).ShouldContain("Azerbaijan, Russia, Turkey");
        (await ErrorField(stance)).ShouldBe("labels[0].stance");
        (await ErrorField(evidence)).ShouldBe("labels[0].evidence");
        (await ErrorField(twice)).ShouldBe("labels[1].target");
        (await ErrorField(empty)).ShouldBe("labels");
        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await key.GetFromJsonAsync<JsonElement>($"/api/labels/pieces/{piece}/history")).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Save_DeletedPiece_404_AndItsEarlierLabelsAreKeptWithTheirText()
    {
        var piece = await Pieces.PostAsync(_factory, "Soon deleted", "Moscow deserves praise for the talks in the deleted piece.");
        using var key = _factory.WithKey(StanceBoardFactory.AdminKey);
        await Save(key, piece, "favor");
        await using (var connection = new SqliteConnection($"Data Source={_factory.DatabasePath};Foreign Keys=True"))
        {
            await connection.OpenAsync();
            await using var delete = connection.CreateCommand();
            delete.CommandText = $"DELETE FROM pieces WHERE id = {piece}";
            (await delete.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        var response = await key.PostAsJsonAsync("/api/labels", new { pieceId = piece, labels = new[] { new { target = "Russia", stance = "none" } } });
        var missing = await key.PostAsJsonAsync("/api/labels", new { pieceId = 987654, labels = new[] { new { target = "Russia", stance = "none" } } });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Detail(response)).ShouldContain("deleted");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var export = await key.GetStringAsync("/api/labels/export?format=jsonl");
        var row = JsonDocument.Parse(export.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single()).RootElement;
        row.GetProperty("text").GetString()!.ShouldContain("deleted piece");
        row.GetProperty("piece_id").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Save_DemoPieceOrSyndicatedCopy_400()
    {
        var store = (StanceBoard.Dashboard.Storage.IStanceStore)_factory.Services.GetService(typeof(StanceBoard.Dashboard.Storage.IStanceStore))!;
        var demo = await store.AddScoredPieceAsync(new Ingestion.Piece { Title = "Demo", Text = "Moscow spoke in the demo." }, [], isDemo: true);
        using var key = _factory.WithKey(StanceBoardFactory.AnnotatorKey);

        var response = await key.PostAsJsonAsync("/api/labels", new { pieceId = demo.Id, labels = new[] { new { target = "Russia", stance = "none" } } });

        (await ErrorField(response)).ShouldBe("pieceId");
        (await Detail(response)).ShouldContain("demo");
    }

    [Fact]
    public async Task Save_TwoAnnotatorsAtOnce_BothLabelsAreKeptAndTheDisagreementIsListed()
    {
        var piece = await Pieces.PostAsync(_factory, "Contested", "Moscow deserves praise for the talks, some say.");
        using var admin = _factory.WithKey(StanceBoardFactory.AdminKey);
        using var annotator = _factory.WithKey(StanceBoardFactory.AnnotatorKey);

        var saves = await Task.WhenAll(
            Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? admin : annotator).PostAsJsonAsync("/api/labels", new
            {
                pieceId = piece,
                labels = new[] { new { target = "Russia", stance = i % 2 == 0 ? "favor" : "against" } },
            })));

        saves.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        var current = (await admin.GetFromJsonAsync<JsonElement>($"/api/labels/pieces/{piece}/history")).EnumerateArray().Where(l => l.GetProperty("isCurrent").GetBoolean()).ToList();
        current.Count.ShouldBe(2);
        current.Select(l => l.GetProperty("stance").GetString()).Order().ShouldBe(["against", "favor"]);
        var agreement = await admin.GetFromJsonAsync<JsonElement>("/api/labels/agreement");
        agreement.GetProperty("openDisagreements").GetInt32().ShouldBe(1);
        var disagreement = agreement.GetProperty("disagreements")[0];
        disagreement.GetProperty("pieceId").GetInt64().ShouldBe(piece);

        var decided = await admin.PostAsJsonAsync("/api/labels/adjudicate", new { unitId = disagreement.GetProperty("unitId").GetInt64(), target = "Russia", stance = "favor", note = "the piece praises the talks" });
        decided.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetFromJsonAsync<JsonElement>("/api/labels/agreement")).GetProperty("openDisagreements").GetInt32().ShouldBe(0);
        var gold = await admin.GetStringAsync("/api/labels/export?scope=gold&format=jsonl");
        JsonDocument.Parse(gold.Trim()).RootElement.GetProperty("stance").GetString().ShouldBe("favor");
    }

    [Fact]
    public async Task Save_SameAnnotatorTwoTabsSameBase_OneSavesTheOtherGets409WithTheCurrentLabel()
    {
        var piece = await Pieces.PostAsync(_factory, "Two tabs", "Ankara must answer for the drones.");
        using var key = _factory.WithKey(StanceBoardFactory.AnnotatorKey);

        var saves = await Task.WhenAll(new[] { "favor", "against" }.Select(stance => key.PostAsJsonAsync("/api/labels", new
        {
            pieceId = piece,
            checkBase = true,
            labels = new[] { new { target = "Turkey", stance, baseId = (long?)null } },
        })));

        saves.Select(r => r.StatusCode).Order().ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        var conflict = await saves.Single(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadFromJsonAsync<JsonElement>();
        var saved = await saves.Single(r => r.StatusCode == HttpStatusCode.OK).Content.ReadFromJsonAsync<JsonElement>();
        conflict.GetProperty("conflicts")[0].GetProperty("current").GetProperty("id").GetInt64()
            .ShouldBe(saved.GetProperty("saved")[0].GetProperty("id").GetInt64());
        (await key.GetFromJsonAsync<JsonElement>($"/api/labels/pieces/{piece}/history")).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Import_BadRows_ReportedByLine_TheRestImported_AndReimportChangesNothing()
    {
        await Pieces.PostAsync(_factory, "Stored", "Moscow deserves praise for the stored talks.");
        var csv = string.Join('\n',
            "text,target,stance,annotator,time",
            "Moscow deserves praise for the stored talks.,Russia,favor,alice,2020-10-14T09:00:00Z",
            ",Russia,favor,alice,",
            "Ankara acted.,Armenia,favor,alice,",
            "Ankara acted.,Turkey,maybe,alice,",
            "Ankara acted.,Turkey,against,alice,yesterday",
            "\"Baku \"\"welcomed\"\" it, twice.\",Azerbaijan,favor,bob,",
            "Baku spoke.,Azerbaijan,none,,");
        using var admin = _factory.WithKey(StanceBoardFactory.AdminKey);

        var report = await Import(admin, csv);
        var again = await Import(admin, csv);

        report.GetProperty("imported").GetInt32().ShouldBe(3);
        report.GetProperty("linked").GetInt32().ShouldBe(1);
        var problems = report.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("line").GetInt32(), p.GetProperty("message").GetString()!)).ToList();
        problems.Select(p => p.Item1).ShouldBe([3, 4, 5, 6]);
        problems[0].Item2.ShouldContain("missing text");
        problems[1].Item2.ShouldContain("Unknown target 'Armenia'");
        problems[2].Item2.ShouldContain("unknown stance 'maybe'");
        problems[3].Item2.ShouldContain("time 'yesterday'");
        again.GetProperty("imported").GetInt32().ShouldBe(0);
        again.GetProperty("unchanged").GetInt32().ShouldBe(3);
        var export = await admin.GetStringAsync("/api/labels/export?format=jsonl");
        export.ShouldContain("\"annotator\":\"bob\"");
        export.ShouldContain("\"time\":\"2020-10-14T09:00:00.000Z\"");
        export.ShouldContain("\"annotator\":\"key:");
    }

    [Fact]
    public async Task Export_Csv_IsWhatTrainDataReads_AndImportsBackUnchanged()
    {
        var ids = await Pieces.PostManyAsync(_factory, 3, "Exported");
        using var key = _factory.WithKey(StanceBoardFactory.AnnotatorKey);
        foreach (var id in ids)
        {
            await Save(key, id, "against", note: "comma, \"quote\"\nand a line");
        }

        var csv = await key.GetStringAsync("/api/labels/export?format=csv");
        var read = new LabelledDataReader().Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), LabelledDataFormat.Csv);

        read.Problems.ShouldBeEmpty();
        read.Examples.Count.ShouldBe(3);
        read.Examples.ShouldAllBe(e => e.Target == "Russia" && e.Stance == Analysis.Model.Stance.Against && e.Text.StartsWith("Exported"));
        using var admin = _factory.WithKey(StanceBoardFactory.AdminKey);
        var report = await Import(admin, csv);
        report.GetProperty("unchanged").GetInt32().ShouldBe(3);
        report.GetProperty("problems").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Import_UnusableFile_400SayingWhy()
    {
        using var admin = _factory.WithKey(StanceBoardFactory.AdminKey);

        using var content = new StringContent("words,only\nnothing,here", Encoding.UTF8, "text/csv");
        var response = await admin.PostAsync("/api/labels/import", content);
        using var unsupported = new StringContent("text", Encoding.UTF8, "application/octet-stream");
        var unknownType = await admin.PostAsync("/api/labels/import", unsupported);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Detail(response)).ShouldContain("lacks the column(s) text, target, stance");
        unknownType.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    private static async Task Save(HttpClient client, long piece, string stance, string target = "Russia", string? note = null) =>
        (await client.PostAsJsonAsync("/api/labels", new { pieceId = piece, labels = new[] { new { target, stance, note } } })).EnsureSuccessStatusCode();

    private static async Task<JsonElement> Import(HttpClient client, string csv)
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        var response = await client.PostAsync("/api/labels/import", content);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<string> Detail(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;

    private static async Task<string> ErrorField(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").EnumerateObject().Single().Name;
    }
}
