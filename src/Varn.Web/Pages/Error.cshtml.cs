using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Varn.Web.Startup;

namespace Varn.Web.Pages;

/// <summary>
/// The one error page: status codes (404, 413 …) and unexpected failures, for every method. API requests get
/// ProblemDetails JSON instead. Never shows a stack trace.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public string Heading { get; private set; } = "";
    public string Message { get; private set; } = "";

    public IActionResult OnGet() => Handle();

    public IActionResult OnPost() => Handle();

    public IActionResult OnPut() => Handle();

    public IActionResult OnDelete() => Handle();

    // The status code is read from the route by hand: binding parameters would read the failed request's body again.
    private IActionResult Handle()
    {
        // Only an error status is echoed, and a server error only when one happened: /fel/200, /fel/999999 or a
        // visit to /fel/500 is a page that does not exist.
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        var reExecuted = failure is not null || HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null;
        int? code = int.TryParse(RouteData.Values["code"] as string, out var routeCode)
            ? routeCode is >= 400 and < 500 || (reExecuted && routeCode is >= 500 and <= 599) ? routeCode : StatusCodes.Status404NotFound
            : null;
        var status = code ?? (failure is null ? StatusCodes.Status404NotFound : Response.StatusCode);
        if (failure?.Error is { } error && status >= 500)
        {
            logger.LogError(error, "Unhandled failure on {Path}", failure.Path);
        }
        (Heading, Message) = status switch
        {
            400 => ("Felaktig förfrågan", "Förfrågan kunde inte tolkas. Gå tillbaka och försök igen."),
            403 => ("Åtkomst nekad", "Du har inte behörighet till den här sidan."),
            404 => ("Sidan finns inte", "Sidan du söker finns inte, eller så har du inte tillgång till den."),
            405 => ("Felaktig förfrågan", "Sidan tar inte emot den här sortens förfrågan."),
            409 => ("Konflikt", "Det du försökte ändra har ändrats av någon annan. Ladda om sidan och försök igen."),
            413 => ("Filen är för stor", $"Det du skickade är större än Värn tar emot ({VarnServices.MaxRequestBytes / 1024 / 1024} MB). Välj en mindre fil."),
            429 => ("För många försök", "Du har gjort för många försök på kort tid. Vänta en stund och försök igen."),
            >= 400 and < 500 => ("Felaktig förfrågan", "Förfrågan kunde inte tolkas."),
            _ => ("Något gick fel", "Ett oväntat fel inträffade. Det har loggats. Försök igen om en stund."),
        };
        Response.StatusCode = status;

        var originalPath = failure?.Path ?? HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? "";
        if (originalPath.StartsWith("/api", StringComparison.Ordinal))
        {
            return new ObjectResult(new ProblemDetails { Title = Heading, Detail = Message, Status = status }) { StatusCode = status };
        }
        return Page();
    }
}
