namespace StanceBoard.Dashboard.Storage.Postgres;

/// <summary>Times to and from <c>timestamptz</c>: Npgsql writes UTC <see cref="DateTime"/>s and reads them back as UTC.</summary>
internal static class PgTime
{
    public static DateTime ToDb(DateTimeOffset value) => value.UtcDateTime;

    public static DateTime? ToDb(DateTimeOffset? value) => value?.UtcDateTime;

    public static DateTimeOffset FromDb(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero);

    public static DateTimeOffset? FromDb(DateTime? value) => value is { } v ? FromDb(v) : null;
}
