namespace StanceBoard.Dashboard.Auth;

/// <summary>Roles and the policies built on them. Viewers need no key: reading is open.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Annotator = "annotator";

    /// <summary>Policy: admin or annotator (post pieces, label).</summary>
    public const string CanWrite = "can-write";

    /// <summary>Policy: admin only (sources, models, keys).</summary>
    public const string CanAdminister = "can-administer";
}
