using StanceBoard.Analysis.Aggregation;
using StanceBoard.Analysis.Model;

namespace StanceBoard.Dashboard.Tests.Charts;

/// <summary>
/// Made-up, deterministic observations shaped like the Karabakh use: three targets, authors
/// with different leanings and output, outlets, Sep–Nov 2020, some thin authors, one very long
/// name, one piece with two authors.
/// </summary>
internal static class ChartFixtures
{
    public static readonly string[] Targets = ["Russia", "Turkey", "Azerbaijan"];

    private static readonly (string Name, string Outlet, double[] Lean, int Pieces)[] Authors =
    [
        ("Mara Ellison", "Atlantic Review", [-0.35, -0.55, 0.05], 24),
        ("Tomas Varga", "Caspian Monitor", [0.10, 0.45, 0.60], 19),
        ("Leyla Hasanova", "Caspian Monitor", [-0.20, 0.35, 0.70], 16),
        ("Daniel Okafor", "Policy Quarterly", [-0.45, -0.25, -0.10], 14),
        ("Ingrid Solberg", "Nordic Strategy Notes", [-0.60, -0.30, -0.05], 12),
        ("Arman Petrosyan", "Yerevan Analytical", [0.15, -0.75, -0.70], 12),
        ("Sophie Laurent", "Atlantic Review", [-0.30, -0.10, 0.00], 9),
        ("Kerem Aydın", "Bosphorus Brief", [-0.10, 0.65, 0.40], 9),
        ("Viktor Orlov", "Eurasia Desk", [0.55, -0.20, 0.10], 7),
        ("Professor Alexandra Konstantinova-Whitfield of the Institute for Strategic Studies", "Policy Quarterly", [-0.25, -0.15, 0.05], 5),
        ("Hannah Brooks", "Nordic Strategy Notes", [-0.15, -0.35, 0.20], 4),
        ("Rustam Aliyev", "Bosphorus Brief", [0.00, 0.50, 0.85], 3),
        ("Chen Wei", "Eurasia Desk", [0.20, 0.00, 0.10], 2),
        ("Paulo Mendes", "Atlantic Review", [-0.40, 0.20, 0.30], 1),
    ];

    /// <summary>About 150 pieces, 3 targets, 14 authors, 7 outlets, two model versions.</summary>
    public static IReadOnlyList<StanceObservation> Karabakh()
    {
        var random = new Random(20201110);
        var start = new DateTimeOffset(2020, 9, 1, 0, 0, 0, TimeSpan.Zero);
        var observations = new List<StanceObservation>();
        long id = 1000;
        foreach (var (name, outlet, lean, pieces) in Authors)
        {
            for (var p = 0; p < pieces; p++)
            {
                id++;

                // Output clusters around the war (27 Sep – 10 Nov).
                var day = random.NextDouble() < 0.75 ? 26 + random.Next(46) : random.Next(91);
                var published = start.AddDays(day).AddHours(random.Next(24));
                var war = day is >= 26 and <= 70 ? 1.0 : 0.4;
                for (var t = 0; t < Targets.Length; t++)
                {
                    if (random.NextDouble() < (t == 2 ? 0.25 : 0.2))
                    {
                        continue; // not every piece mentions every target
                    }

                    var score = Math.Clamp((lean[t] * war) + (Normal(random) * 0.35), -1, 1);
                    observations.Add(new StanceObservation(id, published, name, outlet, Targets[t], ToStance(score), Math.Round(score, 4), day < 60 ? "2020.10-a" : "2020.11-b"));
                }
            }
        }

        // A piece with two authors: one observation per author.
        var shared = start.AddDays(40);
        observations.Add(new StanceObservation(9001, shared, "Mara Ellison", "Atlantic Review", "Turkey", Stance.Against, -0.62, "2020.10-a"));
        observations.Add(new StanceObservation(9001, shared, "Sophie Laurent", "Atlantic Review", "Turkey", Stance.Against, -0.62, "2020.10-a"));
        return observations;
    }

    /// <summary>A long daily series per target for the downsampling and benchmark paths.</summary>
    public static IReadOnlyList<StanceObservation> Dense(int perTarget, int targets = 3)
    {
        var random = new Random(7);
        var list = new List<StanceObservation>(perTarget * targets);
        var start = new DateTimeOffset(2000, 1, 1, 12, 0, 0, TimeSpan.Zero);
        for (var t = 0; t < targets; t++)
        {
            var level = 0.0;
            for (var i = 0; i < perTarget; i++)
            {
                level = Math.Clamp((level * 0.98) + (Normal(random) * 0.08), -0.9, 0.9);
                var score = Math.Clamp(level + (Normal(random) * 0.2), -1, 1);
                list.Add(new StanceObservation((t * 1_000_000L) + i, start.AddDays(i), "Author " + (i % 50), "Outlet " + (i % 7), Targets[t % Targets.Length] + (t >= Targets.Length ? " " + t : string.Empty), ToStance(score), score, "v1"));
            }
        }

        return list;
    }

    public static Stance ToStance(double score) => score > 0.2 ? Stance.Favor : score < -0.2 ? Stance.Against : Stance.None;

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
