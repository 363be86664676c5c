using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StanceBoard.Tests.Shared;

namespace StanceBoard.Dashboard.Tests.Labelling;

/// <summary>What the queue offers: smallest margin first, never twice, never the same piece to two annotators at once, the evaluation slice interleaved, second opinions.</summary>
public sealed class LabelQueueTests
{
    private static LabellingFactory Create(double evaluation, double twice, double balance = 0.05) => new(new Dictionary<string, string?>
    {
        ["Labelling:EvaluationShare"] = evaluation.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Labelling:DoubleAnnotationShare"] = twice.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Labelling:BalanceWeight"] = balance.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    [Fact]
    public async Task Next_NoEvaluationSliceNoBalancing_OffersTheSmallestMarginFirst()
    {
        using var factory = Create(evaluation: 0, twice: 0, balance: 0);
        await Pieces.PostManyAsync(factory, 12);
        using var key = factory.WithKey(StanceBoardFactory.AnnotatorKey);
        var pieces = await key.GetFromJsonAsync<JsonElement>("/api/pieces?limit=100");
        var smallest = pieces.EnumerateArray()
            .SelectMany(p => p.GetProperty("targets").EnumerateObject().Select(t => Margin(t.Value.GetProperty("probabilities"))))
            .Min();

        var item = await NextAsync(key);

        item.GetProperty("reason").GetString().ShouldBe("uncertain");
        item.GetProperty("margin").GetDouble().ShouldBe(smallest, 0.0002); // both rounded to four places
        item.GetProperty("targets").GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public async Task Next_AfterSavingOrSkipping_NeverOffersAPieceTwice_ThenSaysNothingIsLeft()
    {
        using var factory = Create(evaluation: 0.2, twice: 0);
        var ids = await Pieces.PostManyAsync(factory, 8);
        using var key = factory.WithKey(StanceBoardFactory.AnnotatorKey);
        var seen = new List<long>();
        for (var i = 0; i < ids.Count; i++)
        {
            var item = await NextAsync(key);
            var id = item.GetProperty("pieceId").GetInt64();
            seen.ShouldNotContain(id);
            seen.Add(id);
            var response = i % 3 == 2
                ? await key.PostAsJsonAsync("/api/labels/skip", new { pieceId = id })
                : await key.PostAsJsonAsync("/api/labels", new { pieceId = id, origin = "queue", labels = new[] { new { target = "Russia", stance = "none" } } });
            response.IsSuccessStatusCode.ShouldBeTrue();
        }

        seen.Order().ShouldBe(ids.Order());
        (await key.GetAsync("/api/labels/queue/next")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Next_TwoAnnotatorsAtOnce_GetDifferentPieces()
    {
        using var factory = Create(evaluation: 0, twice: 0);
        await Pieces.PostManyAsync(factory, 6);
        using var one = factory.WithKey(StanceBoardFactory.AnnotatorKey);
        using var two = factory.WithKey(StanceBoardFactory.AdminKey);

        var first = (await NextAsync(one)).GetProperty("pieceId").GetInt64();
        var second = (await NextAsync(two)).GetProperty("pieceId").GetInt64();
        var firstAgain = (await NextAsync(one)).GetProperty("pieceId").GetInt64();

        second.ShouldNotBe(first);
        firstAgain.ShouldBe(first); // still theirs until they label or skip it
    }

    [Fact]
    public async Task Next_EvaluationShareHalf_AlternatesEvaluationPiecesWithUncertainOnes()
    {
        using var factory = Create(evaluation: 0.5, twice: 0);
        await Pieces.PostManyAsync(factory, 40);
        using var key = factory.WithKey(StanceBoardFactory.AnnotatorKey);
        var reasons = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            var item = await NextAsync(key);
            reasons.Add(item.GetProperty("reason").GetString()!);
            (await key.PostAsJsonAsync("/api/labels", new { pieceId = item.GetProperty("pieceId").GetInt64(), origin = "queue", labels = new[] { new { target = "Turkey", stance = "favor" } } })).EnsureSuccessStatusCode();
        }

        reasons.Count(r => r == "evaluation").ShouldBe(5);
        reasons.Count(r => r == "uncertain").ShouldBe(5);
        var stats = await key.GetFromJsonAsync<JsonElement>("/api/labels/stats");
        stats.GetProperty("holdoutUnits").GetInt64().ShouldBe(5);
    }

    [Fact]
    public async Task Next_EveryPieceAskedOfTwo_TheSecondAnnotatorGetsTheFirstOnesPieceAsASecondOpinion()
    {
        using var factory = Create(evaluation: 0, twice: 1);
        await Pieces.PostManyAsync(factory, 5);
        using var one = factory.WithKey(StanceBoardFactory.AnnotatorKey);
        using var two = factory.WithKey(StanceBoardFactory.AdminKey);
        var piece = (await NextAsync(one)).GetProperty("pieceId").GetInt64();
        (await one.PostAsJsonAsync("/api/labels", new { pieceId = piece, origin = "queue", labels = new[] { new { target = "Russia", stance = "favor" } } })).EnsureSuccessStatusCode();

        var offered = await NextAsync(two);

        offered.GetProperty("pieceId").GetInt64().ShouldBe(piece);
        offered.GetProperty("reason").GetString().ShouldBe("second-opinion");
        (await NextAsync(one)).GetProperty("pieceId").GetInt64().ShouldNotBe(piece);
    }

    [Fact]
    public async Task Next_Blind_LeavesOutTheModelsVerdictProbabilitiesAndEvidence()
    {
        using var factory = Create(evaluation: 0, twice: 0);
        await Pieces.PostManyAsync(factory, 2);
        using var key = factory.WithKey(StanceBoardFactory.AnnotatorKey);

        var seeing = await NextAsync(key);
        var blind = await key.GetFromJsonAsync<JsonElement>($"/api/labels/pieces/{seeing.GetProperty("pieceId").GetInt64()}?blind=true");

        seeing.GetProperty("targets")[0].GetProperty("probabilities").ValueKind.ShouldBe(JsonValueKind.Object);
        foreach (var target in blind.GetProperty("targets").EnumerateArray())
        {
            target.GetProperty("stance").ValueKind.ShouldBe(JsonValueKind.Null);
            target.GetProperty("probabilities").ValueKind.ShouldBe(JsonValueKind.Null);
            target.GetProperty("evidence").ValueKind.ShouldBe(JsonValueKind.Null);
            target.GetProperty("mentionSpans").GetArrayLength().ShouldBeGreaterThan(0);
        }
    }

    [Fact]
    public async Task Next_AfterARescore_PiecesStayOpenWithTheirNewMargins()
    {
        using var factory = Create(evaluation: 0, twice: 0);
        var ids = await Pieces.PostManyAsync(factory, 3);
        var store = (StanceBoard.Dashboard.Storage.IStanceStore)factory.Services.GetService(typeof(StanceBoard.Dashboard.Storage.IStanceStore))!;
        var scorer = ((StanceBoard.Dashboard.Pipeline.ScorerProvider)factory.Services.GetService(typeof(StanceBoard.Dashboard.Pipeline.ScorerProvider))!).Current;
        foreach (var id in ids)
        {
            var piece = (await store.GetPieceAsync(id))!;
            await store.ReplaceScoresAsync(id, scorer.Score(piece.Text));
        }

        using var key = factory.WithKey(StanceBoardFactory.AnnotatorKey);
        var offered = new HashSet<long>();
        for (var i = 0; i < 3; i++)
        {
            var item = await NextAsync(key);
            offered.Add(item.GetProperty("pieceId").GetInt64());
            (await key.PostAsJsonAsync("/api/labels/skip", new { pieceId = item.GetProperty("pieceId").GetInt64() })).EnsureSuccessStatusCode();
        }

        offered.Order().ShouldBe(ids.Order());
    }

    private static async Task<JsonElement> NextAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/labels/queue/next");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static double Margin(JsonElement p)
    {
        double[] values = [p.GetProperty("favor").GetDouble(), p.GetProperty("against").GetDouble(), p.GetProperty("none").GetDouble()];
        Array.Sort(values);
        return values[2] - values[1];
    }
}
