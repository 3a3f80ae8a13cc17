using System.CommandLine;
using Microsoft.Extensions.Options;
using Varn.Core.Reports;

namespace Varn.Web.Cli;

public static class ReportsCommands
{
    public static Command Create(IServiceProvider services)
    {
        var reports = new Command("reports", "Rapporter (blanketter för avidentifierad information)");
        var dryRun = new Option<bool>("--dry-run") { Description = "Visa vad som skulle gallras; ta inte bort något" };
        var purge = new Command("purge", "Gallra bedömda rapporter äldre än den inställda tiden; antalen sparas") { dryRun };
        purge.Runs(services, async (scope, parse, cancellationToken) =>
        {
            var years = scope.GetRequiredService<IOptions<RetentionOptions>>().Value.ReportYears;
            var retention = scope.GetRequiredService<ReportRetention>();
            if (parse.GetValue(dryRun))
            {
                var candidates = await retention.CandidatesAsync(years, cancellationToken);
                foreach (var report in candidates)
                {
                    Console.WriteLine($"{report.Id}\t{report.Council}\t{report.OccurredOn:yyyy-MM-dd}\tinkom {report.SubmittedAt:yyyy-MM-dd}\t{report.Assessment}");
                }
                Console.WriteLine($"{candidates.Count} bedömda rapporter äldre än {years} år skulle gallras (inskickade före {retention.Cutoff(years):yyyy-MM-dd}). Inget är borttaget.");
                return 0;
            }
            var purged = await retention.PurgeAsync(years, cancellationToken);
            Console.WriteLine($"Gallrade {purged} bedömda rapporter äldre än {years} år. Antalen per nämnd, kvartal, kategori och miljö finns kvar.");
            return 0;
        });
        reports.Subcommands.Add(purge);
        return reports;
    }
}
