using System.Globalization;

namespace StanceBoard.Dashboard.Storage.Postgres;

/// <summary>
/// The LISTEN/NOTIFY channels. Payloads carry ids only (the store stays the source of truth) and
/// the sending instance, so a listener can skip what its own process already announced.
/// Notifications are sent inside the writing transaction, so they arrive only once it commits.
/// </summary>
internal static class PostgresChannels
{
    /// <summary>A piece was stored and scored: <c>id|instance</c>.</summary>
    public const string Pieces = "stanceboard_pieces";

    /// <summary>A setting changed (a removal of pieces is written as one): <c>key|instance</c>.</summary>
    public const string Settings = "stanceboard_settings";

    /// <summary>The active model changed: <c>version|instance</c>.</summary>
    public const string Models = "stanceboard_models";

    public static string Payload(long id, string instance) => string.Create(CultureInfo.InvariantCulture, $"{id}|{instance}");

    public static string Payload(string value, string instance) => value + "|" + instance;

    /// <summary>Splits a payload into its value and sending instance.</summary>
    public static (string Value, string Instance) Parse(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var bar = payload.LastIndexOf('|');
        return bar < 0 ? (payload, string.Empty) : (payload[..bar], payload[(bar + 1)..]);
    }
}
