using Microsoft.AspNetCore.Http.HttpResults;
using StanceBoard.Dashboard.Accounts;
using StanceBoard.Dashboard.Auth;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Apis;

/// <summary><c>/api/users</c>: local accounts, managed by admins. Password hashes never leave the server.</summary>
public static class UsersApi
{
    private const int MaxBodyBytes = 8 * 1024;

    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Roles.CanAdminister);
        group.MapGet("/", async Task<Ok<UserDto[]>> (IUserStore users, TimeProvider time, CancellationToken cancellationToken) =>
                TypedResults.Ok((await users.ListAsync(cancellationToken)).Select(u => UserDto.From(u, time.GetUtcNow())).ToArray()))
            .WithSummary("Every account with its role and status (admin)");
        group.MapPost("/", CreateAsync)
            .Accepts<NewUserInput>("application/json")
            .WithSummary("Create an account with a first password (admin)")
            .ProducesValidationProblem();
        group.MapPatch("/{name}", UpdateAsync)
            .Accepts<UserPatchInput>("application/json")
            .WithSummary("Change an account's role or disable/enable it; its sessions end (admin)")
            .ProducesValidationProblem();
        group.MapPost("/{name}/password", ResetPasswordAsync)
            .Accepts<PasswordInput>("application/json")
            .WithSummary("Set a new password for an account, lifting any lockout; its sessions end (admin)")
            .ProducesValidationProblem();
        return app;
    }

    internal static async Task<Results<Created<UserDto>, ProblemHttpResult>> CreateAsync(
        HttpRequest request, AccountService accounts, TimeProvider time, CancellationToken cancellationToken)
    {
        var (input, problem) = await JsonBody.ReadAsync<NewUserInput>(request, MaxBodyBytes, cancellationToken);
        if (input is null)
        {
            return problem!;
        }

        var change = await accounts.CreateAsync(input.Name, input.Role, input.Password, cancellationToken);
        return change.Error is { } error
            ? ToProblem(error)
            : TypedResults.Created($"/api/users/{Uri.EscapeDataString(change.Account!.Name)}", UserDto.From(change.Account, time.GetUtcNow()));
    }

    internal static async Task<Results<Ok<UserDto>, ProblemHttpResult>> UpdateAsync(
        string name, HttpRequest request, AccountService accounts, TimeProvider time, CancellationToken cancellationToken)
    {
        var (input, problem) = await JsonBody.ReadAsync<UserPatchInput>(request, MaxBodyBytes, cancellationToken);
        if (input is null)
        {
            return problem!;
        }

        var change = await accounts.UpdateAsync(name, input.Role, input.Disabled, cancellationToken);
        return change.Error is { } error ? ToProblem(error) : TypedResults.Ok(UserDto.From(change.Account!, time.GetUtcNow()));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> ResetPasswordAsync(
        string name, HttpRequest request, AccountService accounts, CancellationToken cancellationToken)
    {
        var (input, problem) = await JsonBody.ReadAsync<PasswordInput>(request, MaxBodyBytes, cancellationToken);
        if (input is null)
        {
            return problem!;
        }

        var change = await accounts.ResetPasswordAsync(name, input.Password, cancellationToken);
        return change.Error is { } error ? ToProblem(error) : TypedResults.NoContent();
    }

    /// <summary>A refused change as the HTTP answer: 400 naming the field, 404 or 409.</summary>
    internal static ProblemHttpResult ToProblem(AccountError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Kind switch
        {
            AccountErrorKind.NotFound => TypedResults.Problem(error.Message, statusCode: StatusCodes.Status404NotFound, title: "Not found"),
            AccountErrorKind.Conflict => TypedResults.Problem(error.Message, statusCode: StatusCodes.Status409Conflict, title: "Conflict", extensions: new Dictionary<string, object?> { ["field"] = error.Field }),
            _ => TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [error.Field] = [error.Message] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Invalid " + error.Field,
                Detail = error.Message,
            }),
        };
    }
}

/// <summary>An account as admins see it (no password hash).</summary>
public sealed record UserDto(string Name, string Role, bool Disabled, bool Locked, DateTimeOffset CreatedUtc, DateTimeOffset? LastSignInUtc)
{
    public static UserDto From(UserAccount account, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new UserDto(account.Name, account.Role, account.Disabled, account.LockedUntilUtc > now, account.CreatedUtc, account.LastSignInUtc);
    }
}

/// <summary>A new account.</summary>
public sealed record NewUserInput(string? Name, string? Role, string? Password);

/// <summary>Changes to an account; absent fields stay as they are.</summary>
public sealed record UserPatchInput(string? Role, bool? Disabled);

/// <summary>A new password.</summary>
public sealed record PasswordInput(string? Password);
