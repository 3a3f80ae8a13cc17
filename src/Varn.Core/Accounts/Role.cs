namespace Varn.Core.Accounts;

/// <summary>The roles of DESIGN §1; codes (DESIGN §11) are the names in camelCase.</summary>
public enum Role
{
    Admin,
    CentralCoordinator,
    LocalCoordinator,
    UnitManager,
    Employee,
    Reader,
    Police,
}

public static class Roles
{
    public static string Label(this Role role) => role switch
    {
        Role.Admin => "Administratör",
        Role.CentralCoordinator => "Central samordnare",
        Role.LocalCoordinator => "Lokal samordnare",
        Role.UnitManager => "Enhetschef / avdelningschef",
        Role.Employee => "Medarbetare",
        Role.Reader => "Förtroendevald / läsare",
        Role.Police => "Polis (samverkan)",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>City-wide roles hold no council; a unit manager holds a unit; every other role holds a council.</summary>
    public static RoleScope Scope(this Role role) => role switch
    {
        Role.Admin or Role.CentralCoordinator => RoleScope.City,
        Role.UnitManager => RoleScope.Unit,
        _ => RoleScope.Council,
    };
}

public enum RoleScope
{
    City,
    Council,
    Unit,
}
