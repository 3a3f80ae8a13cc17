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

    /// <summary>
    /// Creates an account. Without <paramref name="passwordRequired"/>, an empty password makes an account that signs in
    /// only through the identity provider: the administrator's pre-registration of a person by e-mail.
    /// </summary>
    public async Task<Outcome> CreateAsync(string? email, string? displayName, string? password, bool passwordRequired = true, CancellationToken cancellationToken = default)
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
        if (string.IsNullOrEmpty(password) && passwordRequired)
        {
            errors["Password"] = "Ange ett lösenord med minst 12 tecken.";
        }
        if (errors.Count > 0)
        {
            return new Outcome(errors);
        }

        var user = new VarnUser { UserName = email, Email = email, DisplayName = displayName!, EmailConfirmed = true };
        var result = string.IsNullOrEmpty(password) ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
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

    /// <summary>The account behind a sign-in at the identity provider, or why there is none (in Swedish).</summary>
    public sealed record ExternalAccount(VarnUser? User, bool Created, string? Problem);

    /// <summary>
    /// The account of a person the identity provider vouches for: the one linked to the provider's subject; else one
    /// the administrator pre-registered by e-mail (no password, not yet linked), now linked; else a new account with no
    /// role. An account with a password is never taken over by an e-mail address alone (ADR 0013).
    /// </summary>
    public async Task<ExternalAccount> ForExternalSignInAsync(string provider, string subject, string? email, string? name, CancellationToken cancellationToken = default)
    {
        var linked = await users.FindByLoginAsync(provider, subject);
        if (linked is not null)
        {
            return new ExternalAccount(linked, false, null);
        }
        email = email?.Trim();
        if (string.IsNullOrEmpty(email) || !email.Contains('@', StringComparison.Ordinal))
        {
            return new ExternalAccount(null, false, "Identitetsleverantören skickade ingen e-postadress, så Värn kan inte hitta eller skapa ditt konto. Kontakta administratören.");
        }
        var login = new UserLoginInfo(provider, subject, provider);
        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            var preRegistered = existing.PasswordHash is null && !(await users.GetLoginsAsync(existing)).Any(l => l.LoginProvider == provider);
            if (!preRegistered || !(await users.AddLoginAsync(existing, login)).Succeeded)
            {
                return new ExternalAccount(null, false,
                    $"Det finns redan ett konto i Värn med e-postadressen {email}, och det kan inte kopplas till din inloggning automatiskt. Kontakta administratören.");
            }
            return new ExternalAccount(existing, false, null);
        }

        name = string.IsNullOrWhiteSpace(name) ? email : name.Trim();
        var user = new VarnUser { UserName = email, Email = email, DisplayName = name.Length > 200 ? name[..200] : name, EmailConfirmed = true };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var created = await users.CreateAsync(user);
            var added = created.Succeeded ? await users.AddLoginAsync(user, login) : created;
            if (!added.Succeeded)
            {
                return new ExternalAccount(null, false, $"Värn kunde inte skapa ett konto för {email}: {string.Join(" ", added.Errors.Select(e => e.Description))}");
            }
            await transaction.CommitAsync(cancellationToken);
            return new ExternalAccount(user, true, null);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // The same person's first sign-in in another window won the race: use the account it made.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var winner = await users.FindByLoginAsync(provider, subject);
            return new ExternalAccount(winner, false, winner is null ? "Inloggningen krockade med en annan. Försök igen." : null);
        }
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
