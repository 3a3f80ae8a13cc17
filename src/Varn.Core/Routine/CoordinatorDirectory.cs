using Varn.Core.Accounts;

namespace Varn.Core.Routine;

/// <summary>A coordinator as the directory lists them: council (or the city office for the central coordinator), name, e-mail.</summary>
public sealed record Coordinator(string Council, string Name, string? Email);

/// <summary>The coordinator directory (C11, C15): every local coordinator by council, and the central coordinators.</summary>
public static class CoordinatorDirectory
{
    public static Task<List<Coordinator>> ListAsync(VarnDbContext db, CancellationToken cancellationToken = default) =>
        db.RoleAssignments.AsNoTracking()
            .Where(r => r.Role == Role.LocalCoordinator || r.Role == Role.CentralCoordinator)
            .OrderBy(r => r.Council == null ? "" : r.Council.Name).ThenBy(r => r.User!.DisplayName)
            .Select(r => new Coordinator(r.Council == null ? "Stadsledningskontoret (central samordnare)" : r.Council.Name, r.User!.DisplayName, r.User.Email))
            .ToListAsync(cancellationToken);
}
