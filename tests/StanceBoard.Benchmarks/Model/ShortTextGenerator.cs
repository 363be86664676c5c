using System.Text;
using StanceBoard.Analysis.Data;
using StanceBoard.Analysis.Model;

namespace StanceBoard.Benchmarks.Model;

/// <summary>
/// Makes labelled short texts (15–35 words, tweet to sentence length) for timing: words drawn
/// from a Zipf-distributed vocabulary of 20,000 pseudo-words, a target mention, and a few
/// stance-bearing words, so the feature space is as sparse and large as real text's.
/// </summary>
internal static class ShortTextGenerator
{
    private static readonly string[] Targets = ["Russia", "Turkey", "Azerbaijan"];
    private static readonly string[][] Cue =
    [
        ["reported", "noted", "listed", "described", "met", "visited"],
        ["praised", "backed", "welcomed", "supported", "commended", "defended"],
        ["condemned", "denounced", "blamed", "attacked", "rebuked", "undermined"],
    ];

    public static List<LabelledExample> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var vocabulary = Enumerable.Range(0, 20_000).Select(i => Word(new Random(i * 31 + 7))).ToArray();
        var cumulative = new double[vocabulary.Length];
        double sum = 0;
        for (var i = 0; i < vocabulary.Length; i++)
        {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }

        var examples = new List<LabelledExample>(count);
        var text = new StringBuilder();
        for (var n = 0; n < count; n++)
        {
            var stance = (Stance)random.Next(3);
            var target = Targets[random.Next(Targets.Length)];
            var length = random.Next(15, 36);
            var mention = random.Next(length);
            text.Clear();
            for (var k = 0; k < length; k++)
            {
                if (k == mention)
                {
                    text.Append(Cue[(int)stance][random.Next(6)]).Append(' ').Append(target).Append(' ');
                    continue;
                }

                var index = Array.BinarySearch(cumulative, random.NextDouble() * sum);
                text.Append(vocabulary[index < 0 ? ~index : index]).Append(' ');
            }

            text[0] = char.ToUpperInvariant(text[0]);
            text.Length--;
            text.Append('.');
            examples.Add(new LabelledExample { Text = text.ToString(), Target = target, Stance = stance });
        }

        return examples;
    }

    private static string Word(Random random)
    {
        const string letters = "etaoinshrdlucmfwypvbgkqjxz";
        var length = random.Next(2, 10);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = letters[Math.Min(letters.Length - 1, (int)(random.NextDouble() * random.NextDouble() * letters.Length))];
        }

        return new string(chars);
    }
}
