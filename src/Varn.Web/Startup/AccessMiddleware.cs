namespace Varn.Web.Startup;

/// <summary>After authentication: loads what the person may do, and names them as the actor of this request's changes.</summary>
public sealed class AccessMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, Access access, CurrentActor actor, VarnDbContext db)
    {
        await access.LoadAsync(db, context.User, context.RequestAborted);
        if (access.IsSignedIn)
        {
            actor.Set(access.DisplayName, access.UserId);
        }
        else
        {
            actor.Set("anonym", null);
        }
        await next(context);
    }
}
