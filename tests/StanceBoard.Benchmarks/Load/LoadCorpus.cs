using System.Globalization;
using System.Text;
using System.Text.Json;

namespace StanceBoard.Benchmarks.Load;

/// <summary>
/// Writes N generated commentary pieces as JSONL for the <c>ingest</c> verb: each names one to
/// three targets through their aliases, has one or two of 400 authors, one of 40 outlets and a
/// date within a year. Texts are random word sequences (seeded), long enough that no two are
/// near-duplicates, so every piece is scored and stored.
/// </summary>
internal static class LoadCorpus
{
    private static readonly string[][] Aliases =
    [
        ["Russia", "Moscow", "the Kremlin", "Putin", "Lavrov", "Russian"],
        ["Turkey", "Ankara", "Erdogan", "Turkish", "Akar"],
        ["Azerbaijan", "Baku", "Aliyev", "Azerbaijani", "Bayramov"],
    ];

    private static readonly string[] Verbs =
    [
        "praised", "condemned", "welcomed", "criticised", "backed", "warned", "supported", "opposed",
        "brokered", "armed", "threatened", "defended", "blamed", "thanked", "undermined", "mediated",
    ];

    private static readonly string[] Words =
    [
        "ceasefire", "corridor", "district", "drone", "offensive", "talks", "peacekeepers", "border", "refugees",
        "pipeline", "mediation", "truce", "shelling", "villages", "negotiators", "minister", "statement", "agreement",
        "front", "mountain", "convoy", "trade", "sanctions", "election", "parliament", "diplomats", "analysts",
        "region", "settlement", "monitoring", "logistics", "summit", "weapons", "artillery", "security", "energy",
        "observers", "guarantees", "status", "withdrawal", "airspace", "supplies", "casualties", "protests", "allies",
    ];

    public static void Write(string path, int count, int seed)
    {
        var random = new Random(seed);
        var start = new DateTime(2020, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        for (var i = 0; i < count; i++)
        {
            var authors = random.Next(5) == 0
                ? new[] { Author(random.Next(400)), Author(random.Next(400)) }.Distinct().ToArray()
                : [Author(random.Next(400))];
            var piece = new
            {
                title = $"Load piece {i}: {Words[random.Next(Words.Length)]} and {Words[random.Next(Words.Length)]}",
                text = Text(random, i),
                authors,
                outlet = $"Load Outlet {random.Next(40)}",
                url = $"https://load.example/pieces/{i}",
                published = start.AddDays(random.Next(365)).AddMinutes(random.Next(1440)).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            };
            writer.WriteLine(JsonSerializer.Serialize(piece));
        }
    }

    private static string Author(int n) => $"Load Author {n:000}";

    private static string Text(Random random, int i)
    {
        var text = new StringBuilder();
        var targets = Enumerable.Range(0, 3).Where(_ => random.Next(2) == 0).ToList();
        if (targets.Count == 0)
        {
            targets.Add(random.Next(3));
        }

        for (var sentence = 0; sentence < 8; sentence++)
        {
            var target = targets[sentence % targets.Count];
            var other = targets[random.Next(targets.Count)];
            text.Append(Aliases[target][random.Next(Aliases[target].Length)]).Append(' ')
                .Append(Verbs[random.Next(Verbs.Length)]).Append(" the ");
            for (var w = 0; w < 6 + random.Next(6); w++)
            {
                text.Append(Words[random.Next(Words.Length)]).Append(' ');
            }

            text.Append("with ").Append(Aliases[other][random.Next(Aliases[other].Length)]).Append(". ");
        }

        return text.Append("Piece ").Append(i.ToString(CultureInfo.InvariantCulture)).Append('.').ToString();
    }
}
