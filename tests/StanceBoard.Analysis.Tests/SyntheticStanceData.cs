using StanceBoard.Analysis.Data;
using StanceBoard.Analysis.Model;

namespace StanceBoard.Analysis.Tests;

/// <summary>
/// A separable synthetic stance task written for the tests: each text says something about one
/// of three targets with a verb that decides the stance, amid random filler words.
/// </summary>
internal static class SyntheticStanceData
{
    public static readonly string[] Targets = ["Russia", "Turkey", "Azerbaijan"];

    private static readonly string[] Favor = ["praised", "applauded", "welcomed", "supported", "commended", "endorsed"];
    private static readonly string[] Against = ["condemned", "denounced", "criticised", "attacked", "blamed", "rebuked"];
    private static readonly string[] None = ["mentioned", "visited", "listed", "described", "met", "noted"];
    private static readonly string[] Filler =
    [
        "the", "analysts", "said", "on", "tuesday", "after", "talks", "in", "the", "region", "officials", "observers",
        "ministry", "statement", "weekend", "report", "border", "summit", "press", "conference", "later", "again",
    ];

    public static List<LabelledExample> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var examples = new List<LabelledExample>(count);
        for (var i = 0; i < count; i++)
        {
            var stance = (Stance)(i % 3);
            var target = Targets[(i / 3) % Targets.Length];
            var verbs = stance switch { Stance.Favor => Favor, Stance.Against => Against, _ => None };
            var words = new List<string>();
            for (var k = 0; k < 6; k++)
            {
                words.Add(Filler[random.Next(Filler.Length)]);
            }

            words.Insert(random.Next(words.Count), $"{verbs[random.Next(verbs.Length)]} {target}");
            var text = char.ToUpperInvariant(words[0][0]) + string.Join(' ', words)[1..] + ".";
            examples.Add(new LabelledExample { Text = text, Target = target, Stance = stance, Line = i + 2 });
        }

        return examples;
    }
}
