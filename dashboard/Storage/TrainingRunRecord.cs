namespace StanceBoard.Dashboard.Storage;

/// <summary>A training run as stored: who started it, on which baseline, its outcome as JSON, and the admin's decision.</summary>
public sealed record TrainingRunRecord(
    long Id,
    DateTimeOffset StartedUtc,
    DateTimeOffset? FinishedUtc,
    string State,
    string RequestedBy,
    string? BaselineVersion,
    string? CandidateVersion,
    string? Decision,
    string? DecidedBy,
    DateTimeOffset? DecidedUtc,
    string? ResultJson,
    string? Error);
