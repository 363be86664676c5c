namespace StanceBoard.Dashboard.Hosting;

/// <summary>The text of an exception as a user should read it.</summary>
internal static class UserMessage
{
    /// <summary>
    /// <paramref name="exception"/>'s message, without the "(Parameter 'x')" that .NET appends to
    /// an <see cref="ArgumentException"/>'s: the parameter is ours, not the user's.
    /// </summary>
    public static string Of(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception is ArgumentException { ParamName: { } name }
            ? exception.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal)
            : exception.Message;
    }
}
