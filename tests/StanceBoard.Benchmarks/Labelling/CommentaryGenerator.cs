using System.Text;
using StanceBoard.Analysis.Model;

namespace StanceBoard.Benchmarks.Labelling;

/// <summary>
/// Makes commentary-length pieces (about 300–500 words) for the labelling benchmarks: filler
/// sentences from a Zipf-distributed pseudo-vocabulary, and for each target the piece takes a
/// stance on, a few sentences naming it (by an alias) with a word carrying that stance. Every
/// piece is unique; its true stances are returned with it.
/// </summary>
internal sealed class CommentaryGenerator
{
    private static readonly (string Name, string[] Aliases)[] Targets =
    [
        ("Russia", ["Russia", "Moscow", "the Kremlin", "Lavrov"]),
        ("Turkey", ["Turkey", "Ankara", "Turkish officials", "Erdogan"]),
        ("Azerbaijan", ["Azerbaijan", "Baku", "Aliyev", "Azerbaijani forces"]),
    ];

    private static readonly string[][] Cues =
    [
        ["met", "noted", "visited", "listed", "reported on", "described"],
        ["praised", "backed", "welcomed", "defended", "commended", "trusted"],
        ["condemned", "blamed", "denounced", "rebuked", "distrusted", "attacked"],
    ];

    private readonly Random _random;
    private readonly string[] _vocabulary;
    private readonly double[] _cumulative;
    private readonly double _sum;
    private int _serial;

    public CommentaryGenerator(int seed)
    {
        _random = new Random(seed);
        _vocabulary = Enumerable.Range(0, 20_000).Select(i => Word(new Random((i * 31) + 7))).ToArray();
        _cumulative = new double[_vocabulary.Length];
        for (var i = 0; i < _vocabulary.Length; i++)
        {
            _sum += 1.0 / (i + 1);
            _cumulative[i] = _sum;
        }
    }

    public static IReadOnlyList<string> TargetNames { get; } = Targets.Select(t => t.Name).ToArray();

    /// <summary>A piece: title, text, and the stance towards each target it names.</summary>
    public (string Title, string Text, IReadOnlyDictionary<string, Stance> Stances) Next()
    {
        var serial = ++_serial;
        var count = _random.NextDouble() switch { < 0.35 => 1, < 0.8 => 2, _ => 3 };
        var chosen = Enumerable.Range(0, Targets.Length).OrderBy(_ => _random.Next()).Take(count).ToArray();
        var stances = chosen.ToDictionary(t => Targets[t].Name, _ => (Stance)_random.Next(3));
        var sentences = new List<string>();
        foreach (var t in chosen)
        {
            for (var k = _random.Next(2, 5); k > 0; k--)
            {
                var alias = Targets[t].Aliases[_random.Next(Targets[t].Aliases.Length)];
                var cue = Cues[(int)stances[Targets[t].Name]][_random.Next(6)];
                sentences.Add($"{Filler(3, 8)} {cue} {alias} {Filler(4, 12)}.");
            }
        }

        while (sentences.Sum(s => s.Count(c => c == ' ')) < _random.Next(300, 500))
        {
            sentences.Add($"{Filler(8, 22)}.");
        }

        var order = sentences.OrderBy(_ => _random.Next()).Select(Capitalise).ToList();
        order.Insert(0, $"Dispatch {serial}: {Filler(3, 6)}.");
        var text = new StringBuilder();
        for (var i = 0; i < order.Count; i++)
        {
            text.Append(order[i]).Append(i % 5 == 4 ? "\n\n" : " ");
        }

        return ($"Commentary {serial}: {Filler(3, 7)}", text.ToString().Trim(), stances);
    }

    private string Filler(int min, int max)
    {
        var words = new string[_random.Next(min, max + 1)];
        for (var i = 0; i < words.Length; i++)
        {
            var index = Array.BinarySearch(_cumulative, _random.NextDouble() * _sum);
            words[i] = _vocabulary[index < 0 ? ~index : index];
        }

        return string.Join(' ', words);
    }

    private static string Capitalise(string sentence) => char.ToUpperInvariant(sentence[0]) + sentence[1..];

    private static string Word(Random random)
    {
        const string letters = "etaoinshrdlucmfwypvbgkqjxz";
        var chars = new char[random.Next(2, 10)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = letters[Math.Min(letters.Length - 1, (int)(random.NextDouble() * random.NextDouble() * letters.Length))];
        }

        return new string(chars);
    }
}
