using System.CommandLine;

namespace Varn.Web.Cli;

public static class AccountsCommands
{
    public static Command Create(IServiceProvider services)
    {
        var users = new Command("users", "Konton: skapa, lista, API-nycklar");
        users.Subcommands.Add(Add(services));
        users.Subcommands.Add(List(services));
        users.Subcommands.Add(Token(services));
        return users;
    }

    private static Command Add(IServiceProvider services)
    {
        var email = new Option<string>("--email") { Required = true, Description = "E-postadress (inloggningsnamn)" };
        var name = new Option<string>("--name") { Required = true, Description = "Personens namn" };
        var role = new Option<string>("--role") { Required = true, Description = $"En av: {string.Join(", ", Codes.All<Role>())}" };
        role.AcceptOnlyFromAmong([.. Codes.All<Role>()]);
        var council = new Option<string?>("--council") { Description = "Nämndens kortnamn, för nämndsroller" };
        var unit = new Option<string?>("--unit") { Description = "Enhetens namn inom --council, för enhetschef" };
        var passwordStdin = new Option<bool>("--password-stdin") { Required = true, Description = "Läs lösenordet från standard in" };
        var command = new Command("add", "Skapa ett konto med en roll") { email, name, role, council, unit, passwordStdin };
        command.Runs(services, async (scope, parse, cancellationToken) =>
        {
            var password = (await Console.In.ReadLineAsync(cancellationToken))?.TrimEnd('\r', '\n');
            var db = scope.GetRequiredService<VarnDbContext>();
            var accounts = scope.GetRequiredService<AccountService>();
            Codes.TryParse<Role>(parse.GetValue(role), out var chosen);

            int? unitId = null;
            if (chosen.Scope() == RoleScope.Unit)
            {
                var councilShort = parse.GetValue(council);
                var unitName = parse.GetValue(unit);
                unitId = await db.Units.Where(u => u.Council!.Short == councilShort && u.Name == unitName).Select(u => (int?)u.Id).FirstOrDefaultAsync(cancellationToken);
                if (unitId is null)
                {
                    Console.Error.WriteLine($"Enheten «{unitName}» finns inte i nämnden «{councilShort}». Ange --council och --unit.");
                    return 1;
                }
            }
            else if (chosen.Scope() == RoleScope.Council && !await db.Councils.AnyAsync(c => c.Short == parse.GetValue(council), cancellationToken))
            {
                Console.Error.WriteLine($"Rollen {Codes.Of(chosen)} gäller en nämnd: ange --council med ett kortnamn, t.ex. skarholmen.");
                return 1;
            }

            var created = await accounts.CreateAsync(parse.GetValue(email), parse.GetValue(name), password, cancellationToken: cancellationToken);
            if (!created.Succeeded)
            {
                foreach (var error in created.Errors.Values)
                {
                    Console.Error.WriteLine(error);
                }
                return 1;
            }
            var granted = await accounts.GrantAsync(created.User!.Id, chosen, parse.GetValue(council), unitId, cancellationToken);
            if (!granted.Succeeded)
            {
                Console.Error.WriteLine($"Kontot skapades men rollen kunde inte ges: {string.Join(" ", granted.Errors.Values)}");
                return 1;
            }
            Console.WriteLine($"Skapade {created.User.DisplayName} <{created.User.Email}> som {chosen.Label().ToLowerInvariant()}.");
            return 0;
        });
        return command;
    }

    private static Command List(IServiceProvider services)
    {
        var command = new Command("list", "Lista alla konton och deras roller");
        command.Runs(services, async (scope, _, cancellationToken) =>
        {
            var db = scope.GetRequiredService<VarnDbContext>();
            var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
            var roles = await db.RoleAssignments.AsNoTracking()
                .Select(r => new { r.UserId, r.Role, Council = r.Council == null ? null : r.Council.Short, Unit = r.Unit == null ? null : r.Unit.Name })
                .ToListAsync(cancellationToken);
            foreach (var user in users)
            {
                var granted = roles.Where(r => r.UserId == user.Id)
                    .Select(r => Codes.Of(r.Role) + (r.Council is null ? "" : $"@{r.Council}") + (r.Unit is null ? "" : $"/{r.Unit}"));
                Console.WriteLine($"{user.Email}\t{user.DisplayName}\t{string.Join(", ", granted)}");
            }
            Console.WriteLine($"{users.Count} konton.");
            return 0;
        });
        return command;
    }

    private static Command Token(IServiceProvider services)
    {
        var email = new Option<string>("--email") { Required = true, Description = "Kontots e-postadress" };
        var name = new Option<string>("--name") { Required = true, Description = "Nyckelns namn, t.ex. systemet som ska använda den" };
        var command = new Command("token", "Skapa en personlig API-nyckel; den skrivs ut en gång, ensam på sista raden") { email, name };
        command.Runs(services, async (scope, parse, cancellationToken) =>
        {
            var db = scope.GetRequiredService<VarnDbContext>();
            var address = parse.GetValue(email)!.Trim().ToUpperInvariant();
            var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == address, cancellationToken);
            if (user is null)
            {
                Console.Error.WriteLine($"Det finns inget konto med e-postadressen {parse.GetValue(email)}.");
                return 1;
            }
            var (_, secret, error) = await scope.GetRequiredService<AccountService>().IssueTokenAsync(user.Id, parse.GetValue(name), cancellationToken);
            if (error is not null)
            {
                Console.Error.WriteLine(error);
                return 1;
            }
            Console.WriteLine($"Ny API-nyckel för {user.DisplayName}. Den visas bara nu:");
            Console.WriteLine(secret);
            return 0;
        });
        return command;
    }
}
