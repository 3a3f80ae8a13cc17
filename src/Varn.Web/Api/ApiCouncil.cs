using Microsoft.AspNetCore.Http.HttpResults;
using Varn.Core.Organisation;

namespace Varn.Web.Api;

/// <summary>
/// The council an API call names, found and checked the same way everywhere: none given → 400, unknown → 404 when
/// named in the path or query and 422 when named in the body, no right to it → 403 with what the right is for.
/// </summary>
public static class ApiCouncil
{
    public static async Task<(Council? Council, ProblemHttpResult? Refusal)> FindAsync(VarnDbContext db, string? code, Func<int, bool> allowed, string rightTo,
        bool inBody = false, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return (null, ApiProblems.Problem(StatusCodes.Status400BadRequest, "Nämnd saknas", "council", "Ange nämndens kortnamn, till exempel skarholmen."));
        }
        var council = await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Short == code, cancellationToken);
        if (council is null)
        {
            return (null, ApiProblems.Problem(inBody ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status404NotFound, "Nämnden finns inte", "council", $"Det finns ingen nämnd «{code}»."));
        }
        return allowed(council.Id)
            ? (council, null)
            : (null, ApiProblems.Problem(StatusCodes.Status403Forbidden, "Åtkomst nekad", "council", $"Du har ingen roll i {council.Name} som ger rätt att {rightTo}."));
    }
}
