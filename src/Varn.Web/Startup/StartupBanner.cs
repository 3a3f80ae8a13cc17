using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Varn.Web.Startup;

/// <summary>What a person starting Värn needs to see: where it answers, and in demo mode how to sign in.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var demo = app.Services.GetRequiredService<IOptions<VarnOptions>>().Value.Demo;
        Console.WriteLine();
        Console.WriteLine("Värn är igång.");
        foreach (var address in addresses)
        {
            Console.WriteLine($"  Öppna {address} i webbläsaren.");
        }
        if (demo)
        {
            Console.WriteLine("  Demoläge: seed-planerna är inlästa. Allt demomaterial utöver planerna är märkt som påhittat.");
            Console.WriteLine($"  Demokonton (lösenord för alla: {DemoAccounts.Password}):");
            foreach (var account in DemoAccounts.All)
            {
                Console.WriteLine($"    {account.Email,-46} {account.Role.Label()}{(account.Council is null ? "" : $", {account.Council}")}{(account.Unit is null ? "" : $" / {account.Unit}")}");
            }
        }
        else
        {
            Console.WriteLine("  Produktionsläge: inga demodata och inga demokonton.");
        }
        Console.WriteLine();
    }
}
