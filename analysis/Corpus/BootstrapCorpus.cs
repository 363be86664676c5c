using StanceBoard.Analysis.Data;
using StanceBoard.Analysis.Targets;

namespace StanceBoard.Analysis.Corpus;

/// <summary>
/// The bootstrap corpus: labelled stance examples towards Russia, Turkey and Azerbaijan written
/// for this project (see <c>analysis/Corpus/README.md</c>), embedded so a fresh install can train
/// its default model without any download.
/// </summary>
public static class BootstrapCorpus
{
    private const string ResourceName = "StanceBoard.Analysis.Corpus.bootstrap-stance.csv";

    /// <summary>The targets of the corpus with the aliases it was written against (the defaults of the dashboard's configuration).</summary>
    public static IReadOnlyList<TargetDefinition> Targets { get; } =
    [
        new("Russia", ["Russian", "Russians", "Russian Federation", "Moscow", "Kremlin", "Putin", "Vladimir Putin", "Lavrov", "Sergei Lavrov", "Sergey Lavrov", "Shoigu", "Peskov", "Zakharova", "Medvedev", "Mishustin", "Overchuk"]),
        new("Turkey", ["Türkiye", "Turkish", "Turks", "Ankara", "Erdoğan", "Recep Tayyip Erdoğan", "Çavuşoğlu", "Mevlüt Çavuşoğlu", "Hulusi Akar", "İbrahim Kalın", "AKP"]),
        new("Azerbaijan", ["Azerbaijani", "Azerbaijanis", "Azeri", "Azeris", "Baku", "Aliyev", "Ilham Aliyev", "Mehriban Aliyeva", "Bayramov", "Jeyhun Bayramov", "Hikmet Hajiyev"]),
    ];

    /// <summary>Reads the corpus (the same rows, in the same order, on every call).</summary>
    public static IReadOnlyList<LabelledExample> Load()
    {
        using var stream = typeof(BootstrapCorpus).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        var data = new LabelledDataReader().Read(stream, LabelledDataFormat.Csv);
        if (data.Problems.Count > 0)
        {
            throw new InvalidOperationException($"The bootstrap corpus has bad rows: {string.Join("; ", data.Problems)}");
        }

        return data.Examples;
    }
}
