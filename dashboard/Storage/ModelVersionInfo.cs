namespace StanceBoard.Dashboard.Storage;

/// <summary>A stored model version, without its bytes.</summary>
/// <param name="Version">Its name, stamped on every score it produces.</param>
/// <param name="CreatedUtc">When it was registered.</param>
/// <param name="DataHash">Fingerprint of the training data.</param>
/// <param name="MetricsJson">Its cross-validated metrics as JSON (snake_case), or <see langword="null"/>.</param>
/// <param name="Examples">How many examples it was trained on.</param>
/// <param name="Source">Where it came from ("bootstrap corpus", "train --data labels.csv").</param>
/// <param name="IsActive">Whether it scores new pieces now.</param>
/// <param name="SizeBytes">Size of its model file.</param>
public sealed record ModelVersionInfo(
    string Version,
    DateTimeOffset CreatedUtc,
    string? DataHash,
    string? MetricsJson,
    int? Examples,
    string? Source,
    bool IsActive,
    long SizeBytes);
