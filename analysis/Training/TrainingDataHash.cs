using System.Security.Cryptography;
using System.Text;
using StanceBoard.Analysis.Data;

namespace StanceBoard.Analysis.Training;

/// <summary>A fingerprint of labelled data: SHA-256 over the sorted per-row hashes of (text, target, stance).</summary>
public static class TrainingDataHash
{
    /// <summary>The lower-case hex fingerprint of <paramref name="examples"/>; row order does not matter.</summary>
    public static string Compute(IEnumerable<LabelledExample> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var rows = examples
            .Select(e => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{e.Text}\u0000{e.Target.Trim()}\u0000{Model.StanceText.ToText(e.Stance)}"))))
            .Order(StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', rows))));
    }
}
