using System.ComponentModel.DataAnnotations;

namespace StanceBoard.Dashboard.Accounts;

/// <summary>Local accounts and sign-in sessions. Section <c>Accounts</c>.</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>Wrong passwords in a row after which an account is locked for <see cref="Lockout"/>.</summary>
    /// <value>5.</value>
    [Range(1, 100)]
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long a lockout lasts.</summary>
    /// <value>15 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan Lockout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A session ends after this long without a request (each request renews it once half has passed).</summary>
    /// <value>8 hours.</value>
    [Range(typeof(TimeSpan), "00:00:10", "30.00:00:00")]
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>A session ends this long after sign-in, however active.</summary>
    /// <value>7 days.</value>
    [Range(typeof(TimeSpan), "00:00:10", "365.00:00:00")]
    public TimeSpan SessionMaxLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The shortest password accepted.</summary>
    /// <value>10 characters.</value>
    [Range(8, 128)]
    public int MinPasswordLength { get; set; } = 10;
}
