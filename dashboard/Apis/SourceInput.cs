namespace StanceBoard.Dashboard.Apis;

/// <summary>The body of <c>POST /api/sources</c> and <c>PATCH /api/sources/{id}</c> (PATCH ignores <see cref="Url"/>; absent fields stay).</summary>
public sealed record SourceInput(string? Url, string? Name, string? Kind, string? Outlet, int? PollIntervalMinutes, bool? Enabled);
