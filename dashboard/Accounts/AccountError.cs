namespace StanceBoard.Dashboard.Accounts;

/// <summary>Why an account change was refused: the field at fault, what was wrong, and what kind of refusal it is.</summary>
public sealed record AccountError(string Field, string Message, AccountErrorKind Kind);

/// <summary>The kind of an <see cref="AccountError"/>, for the HTTP status it maps to.</summary>
public enum AccountErrorKind
{
    /// <summary>A value is not acceptable (400).</summary>
    Invalid,

    /// <summary>There is no such account (404).</summary>
    NotFound,

    /// <summary>The name is taken, or the change would leave no admin (409).</summary>
    Conflict,
}
