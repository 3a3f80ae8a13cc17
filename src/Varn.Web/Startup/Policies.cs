using Microsoft.AspNetCore.Authorization;

namespace Varn.Web.Startup;

/// <summary>The named authorization policies. Everything else requires a signed-in person, with scoping in the queries.</summary>
public static class Policies
{
    public const string Admin = "Admin";
    public const string CentralCoordinator = "CentralCoordinator";
    public const string AuditReaders = "AuditReaders";
    public const string OrganisationKeepers = "OrganisationKeepers";
    public const string ApiClient = "ApiClient";

    public static void Add(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().AddRequirements(new RoleRequirement(Role.Admin)));
        options.AddPolicy(CentralCoordinator, p => p.RequireAuthenticatedUser().AddRequirements(new RoleRequirement(Role.CentralCoordinator)));
        options.AddPolicy(AuditReaders, p => p.RequireAuthenticatedUser().AddRequirements(new RoleRequirement(Role.Admin, Role.CentralCoordinator)));
        options.AddPolicy(OrganisationKeepers, p => p.RequireAuthenticatedUser().AddRequirements(new RoleRequirement(Role.Admin, Role.CentralCoordinator)));
        options.AddPolicy(ApiClient, p => p.AddAuthenticationSchemes(ApiTokenHandler.SchemeName).RequireAuthenticatedUser());
    }
}

/// <summary>Holds when the person has any of the roles, in any scope.</summary>
public sealed class RoleRequirement(params Role[] roles) : IAuthorizationRequirement
{
    public IReadOnlyList<Role> Roles { get; } = roles;
}

public sealed class RoleRequirementHandler(Access access) : AuthorizationHandler<RoleRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RoleRequirement requirement)
    {
        if (requirement.Roles.Any(access.Has))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
