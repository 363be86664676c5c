using System.Net.Http.Json;
using System.Text.Json;
using StanceBoard.Tests.Shared;

namespace StanceBoard.Dashboard.Tests.Labelling;

/// <summary>Test pieces, posted through the API with the admin key: each names Russia, Turkey and Azerbaijan with a clear stance.</summary>
internal static class Pieces
{
    private static readonly string[] Cues = ["deserves praise for", "must answer for", "merely reported on"];

    public static async Task<long> PostAsync(LabellingFactory factory, string title, string text, string author = "Jane Roe", string outlet = "Example Review")
    {
        using var client = factory.WithKey(StanceBoardFactory.AdminKey);
        var response = await client.PostAsJsonAsync("/api/pieces", new { title, text, authors = new[] { author }, outlet, published = "2020-10-14" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    /// <summary>Posts <paramref name="count"/> pieces naming all three targets, by rotating authors and outlets; returns their ids.</summary>
    public static async Task<List<long>> PostManyAsync(LabellingFactory factory, int count, string prefix = "Piece")
    {
        var ids = new List<long>();
        for (var i = 0; i < count; i++)
        {
            var text = $"{prefix} {i} opens on the ceasefire. Moscow {Cues[i % 3]} the talks in week {i}. Ankara {Cues[(i + 1) % 3]} the drones of week {i}. Baku {Cues[(i + 2) % 3]} the front of week {i}. The rest is history.";
            ids.Add(await PostAsync(factory, $"{prefix} {i}", text, $"Author {i % 5}", $"Outlet {i % 3}"));
        }

        return ids;
    }
}
