using Microsoft.AspNetCore.Identity;

namespace Varn.Core.Accounts;

/// <summary>Creating accounts, granting roles in their scope, and issuing API tokens: shared by the admin pages, the command line and demo mode.</summary>
public sealed class AccountService(VarnDbContext db, UserManager<VarnUser> users, TimeProvider clock)
{
    /// <summary>Problems keyed by the field they concern; empty when done.</summary>
    public sealed record Outcome(IReadOnlyDictionary<string, string> Errors, VarnUser? User = null)
    {
        public bool Succeeded => Errors.Count == 0;
    }

    public async Task<Outcome> CreateAsync(string? email, string? displayName, string? password, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>();
        email = email?.Trim();
        displayName = displayName?.Trim();
        if (string.IsNullOrEmpty(email) || !email.Contains('@', StringComparison.Ordinal))
        {
            errors["Email"] = "Ange en e-postadress, till exempel namn.efternamn@stad.example.";
        }
        if (string.IsNullOrEmpty(displayName))
        {
            errors["DisplayName"] = "Ange personens namn.";
        }
        else if (displayName.Length > 200)
        {
            errors["DisplayName"] = "Namnet får vara högst 200 tecken.";
        }
        if (string.IsNullOrEmpty(password))
        {
            errors["Password"] = "Ange ett lösenord med minst 12 tecken.";
        }
        if (errors.Count > 0)
        {
            return new Outcome(errors);
        }

        var user = new VarnUser { UserName = email, Email = email, DisplayName = displayName!, EmailConfirmed = true };
        var result = await users.CreateAsync(user, password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Password" : "Email";
                errors[field] = errors.TryGetValue(field, out var existing) ? $"{existing} {error.Description}" : error.Description;
            }
            return new Outcome(errors);
        }
        return new Outcome(errors, user);
    }

    /// <summary>Grants a role in its scope: a council for council roles, a unit for unit managers, nothing for city-wide roles.</summary>
    public async Task<Outcome> GrantAsync(string userId, Role role, string? councilShort, int? unitId, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>();
        int? councilId = null;
        switch (role.Scope())
        {
            case RoleScope.City:
                break;
            case RoleScope.Council:
                councilId = await db.Councils.Where(c => c.Short == councilShort).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
                if (councilId is null)
                {
                    errors["Council"] = $"Rollen {role.Label().ToLowerInvariant()} gäller en nämnd: välj vilken.";
                }
                unitId = null;
                break;
            case RoleScope.Unit:
                var unit = unitId is null ? null : await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, cancellationToken);
                if (unit is null)
                {
                    errors["Unit"] = "En enhetschef hör till en enhet: välj vilken.";
                }
                councilId = unit?.CouncilId;
                break;
        }
        if (errors.Count > 0)
        {
            return new Outcome(errors);
        }
        if (role.Scope() == RoleScope.City)
        {
            unitId = null;
        }
        if (await db.RoleAssignments.AnyAsync(r => r.UserId == userId && r.Role == role && r.CouncilId == councilId && r.UnitId == unitId, cancellationToken))
        {
            errors["Role"] = "Personen har redan den rollen där.";
            return new Outcome(errors);
        }
        db.RoleAssignments.Add(new RoleAssignment { UserId = userId, Role = role, CouncilId = councilId, UnitId = unitId });
        await db.SaveChangesAsync(cancellationToken);
        await RefreshSignInsAsync(userId);
        return new Outcome(errors);
    }

    public async Task RevokeRoleAsync(string userId, int assignmentId, CancellationToken cancellationToken = default)
    {
        var assignment = await db.RoleAssignments.FirstOrDefaultAsync(r => r.Id == assignmentId && r.UserId == userId, cancellationToken);
        if (assignment is not null)
        {
            db.RoleAssignments.Remove(assignment);
            await db.SaveChangesAsync(cancellationToken);
            await RefreshSignInsAsync(userId);
        }
    }

    /// <summary>Issues a personal API token; the secret is returned once and only its hash is stored.</summary>
    public async Task<(ApiToken? Token, string? Secret, string? Error)> IssueTokenAsync(string userId, string? name, CancellationToken cancellationToken = default)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            return (null, null, "Ge nyckeln ett namn på högst 100 tecken, till exempel det system som ska använda den.");
        }
        var (token, secret) = ApiToken.Create(userId, name, clock.GetUtcNow().UtcDateTime);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return (token, secret, null);
    }

    public async Task<bool> RevokeTokenAsync(string userId, int tokenId, CancellationToken cancellationToken = default)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId && t.RevokedAt == null, cancellationToken);
        if (token is null)
        {
            return false;
        }
        token.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    // A changed security stamp makes open sessions re-check within a minute (SecurityStampValidator).
    private async Task RefreshSignInsAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is not null)
        {
            await users.UpdateSecurityStampAsync(user);
        }
    }
}
