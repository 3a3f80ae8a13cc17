using System.CommandLine;
using Varn.Core.Plans.Interchange;

namespace Varn.Web.Cli;

public static class PlansCommands
{
    public static Command Create(IServiceProvider services)
    {
        var plans = new Command("plans", "Handlingsplaner: import och export");
        plans.Subcommands.Add(Import(services));
        plans.Subcommands.Add(Export(services));
        plans.Subcommands.Add(Revise(services));
        plans.Subcommands.Add(ImportWord(services));
        return plans;
    }

    private static Command Import(IServiceProvider services)
    {
        var files = new Argument<FileInfo[]>("FILE") { Arity = ArgumentArity.OneOrMore, Description = "varn.plan/1-filer" };
        var replace = new Option<bool>("--replace") { Description = "Ersätt en befintlig plan för samma nämnd och år" };
        var command = new Command("import", "Läs in planer i formatet varn.plan/1. Alla filer läses in, eller ingen.") { files, replace };
        command.Runs(services, async (scope, parse, cancellationToken) =>
        {
            var db = scope.GetRequiredService<VarnDbContext>();
            var importer = scope.GetRequiredService<PlanImporter>();

            var documents = new List<(FileInfo File, PlanDocument Document)>();
            var failed = false;
            foreach (var file in parse.GetValue(files)!)
            {
                var (document, errors) = await ReadAsync(file, cancellationToken);
                if (document is not null)
                {
                    (_, errors) = await importer.CheckAsync(document, parse.GetValue(replace), cancellationToken);
                }
                if (document is null || errors.Count > 0)
                {
                    failed = true;
                    Console.Error.WriteLine($"{file.Name}: kan inte läsas in:");
                    foreach (var error in errors)
                    {
                        Console.Error.WriteLine($"  {error}");
                    }
                    continue;
                }
                documents.Add((file, document));
            }
            if (failed)
            {
                Console.Error.WriteLine("Ingen plan lästes in.");
                return 1;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var (file, document) in documents)
            {
                var outcome = await importer.ImportAsync(document, parse.GetValue(replace), CommandScope.Operator, cancellationToken);
                if (!outcome.Succeeded)
                {
                    Console.Error.WriteLine($"{file.Name}: {string.Join("; ", outcome.Errors)}");
                    Console.Error.WriteLine("Ingen plan lästes in.");
                    return 1;
                }
                Console.WriteLine($"{(outcome.Replaced ? "Ersatte" : "Läste in")} {document.Council.Name} {document.Year} ({document.Activities.Count} aktiviteter) från {file.Name}");
            }
            await transaction.CommitAsync(cancellationToken);
            return 0;
        });
        return command;
    }

    private static Command Export(IServiceProvider services)
    {
        var council = new Option<string>("--council") { Required = true, Description = "Nämndens kortnamn, t.ex. skarholmen" };
        var year = new Option<int>("--year") { Required = true, Description = "Planens år" };
        var formatOption = new Option<string>("--format") { Description = "json (standard) eller docx", DefaultValueFactory = _ => "json" };
        formatOption.AcceptOnlyFromAmong("json", "docx");
        var output = new Option<FileInfo>("--output", "-o") { Required = true, Description = "Filen som skrivs" };
        var command = new Command("export", "Skriv en plan till fil") { council, year, formatOption, output };
        command.Runs(services, async (scope, parse, cancellationToken) =>
        {
            var (plan, refusal) = await scope.GetRequiredService<PlanGuard>().FindAsync(parse.GetValue(council)!, parse.GetValue(year), PlanPurpose.Read, cancellationToken);
            if (refusal is not null)
            {
                Console.Error.WriteLine(refusal.Message);
                return 1;
            }
            var format = parse.GetValue(formatOption) == "docx" ? PlanFormat.Word : PlanFormat.Json;
            var exported = await scope.GetRequiredService<PlanExport>().ExportAsync(plan!, format, "kommandoraden", cancellationToken);
            var file = parse.GetValue(output)!;
            await File.WriteAllBytesAsync(file.FullName, exported.Content, cancellationToken);
            Console.WriteLine($"Skrev {plan!.Title} till {file.FullName}");
            return 0;
        });
        return command;
    }

    private static Command ImportWord(IServiceProvider services)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Word-filen (.docx)" };
        var council = new Option<string>("--council") { Required = true, Description = "Nämndens kortnamn, t.ex. skarholmen" };
        var year = new Option<int>("--year") { Required = true, Description = "Planens år" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Spara inget; skriv ut planen som varn.plan/1" };
        var command = new Command("import-word", "Läs in aktivitetstabellerna i en Word-plan till ett utkast") { file, council, year, dryRun };
        command.Runs(services, async (scope, parse, cancellationToken) =>
        {
            var db = scope.GetRequiredService<VarnDbContext>();
            var import = scope.GetRequiredService<WordPlanImport>();
            var path = parse.GetValue(file)!;
            var shortName = parse.GetValue(council)!;
            var planYear = parse.GetValue(year);
            var target = await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Short == shortName, cancellationToken);
            if (target is null)
            {
                Console.Error.WriteLine($"Det finns ingen nämnd med kortnamnet «{shortName}».");
                return 1;
            }
            if (!path.Exists)
            {
                Console.Error.WriteLine($"Filen {path.FullName} finns inte.");
                return 1;
            }
            if (path.Length > WordPlanReader.MaxBytes)
            {
                Console.Error.WriteLine($"Filen är {path.Length / 1024 / 1024} MB. Största tillåtna storlek är {WordPlanReader.MaxBytes / 1024 / 1024} MB.");
                return 1;
            }
            var result = WordPlanReader.Read(await File.ReadAllBytesAsync(path.FullName, cancellationToken));
            if (result.Error is { } error)
            {
                Console.Error.WriteLine(error);
                return 1;
            }
            foreach (var line in result.NotUnderstood)
            {
                Console.Error.WriteLine($"Förstods inte: {line}");
            }
            if (await import.CheckAsync(target, planYear, cancellationToken) is { } problem)
            {
                Console.Error.WriteLine(problem);
                return 1;
            }
            if (parse.GetValue(dryRun))
            {
                var preview = await import.PreviewAsync(target, planYear, result.Activities, cancellationToken);
                Console.Out.Write(System.Text.Encoding.UTF8.GetString(PlanDocumentWriter.Write(preview)));
                return 0;
            }
            var (plan, saveError) = await import.SaveAsync(target, planYear, result.Activities, CommandScope.Operator, cancellationToken);
            if (plan is null)
            {
                Console.Error.WriteLine(saveError);
                return 1;
            }
            Console.WriteLine($"Läste in {result.Activities.Count} aktiviteter från {result.Tables.Count} tabeller till {target.Name} {planYear}.");
            return 0;
        });
        return command;
    }

    private static Command Revise(IServiceProvider services)
    {
        var council = new Option<string>("--council") { Required = true, Description = "Nämndens kortnamn, t.ex. skarholmen" };
        var from = new Option<int>("--from") { Required = true, Description = "Året för planen som revideras" };
        var command = new Command("revise", "Skapa nästa års plan som utkast från en behandlad eller godkänd plan") { council, from };
        command.Runs(services, async (scope, parse, cancellationToken) =>
        {
            var (source, refusal) = await scope.GetRequiredService<PlanGuard>().FindAsync(parse.GetValue(council)!, parse.GetValue(from), PlanPurpose.Manage, cancellationToken);
            if (refusal is not null)
            {
                Console.Error.WriteLine(refusal.Message);
                return 1;
            }
            var (plan, error) = await scope.GetRequiredService<PlanRevision>().ReviseAsync(source!.Id, CommandScope.Operator, cancellationToken);
            if (plan is null)
            {
                Console.Error.WriteLine(error);
                return 1;
            }
            Console.WriteLine($"Skapade {plan.Title} som utkast med {plan.Activities.Count} överförda aktiviteter.");
            return 0;
        });
        return command;
    }

    private static async Task<(PlanDocument? Document, IReadOnlyList<FormatError> Errors)> ReadAsync(FileInfo file, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            return (null, [new FormatError("$", $"Filen {file.FullName} finns inte.")]);
        }
        if (file.Length > PlanDocumentReader.MaxBytes)
        {
            return (null, [new FormatError("$", $"Filen är {file.Length / 1024 / 1024} MB; största tillåtna storlek är {PlanDocumentReader.MaxBytes / 1024 / 1024} MB.")]);
        }
        return PlanDocumentReader.Read(await File.ReadAllBytesAsync(file.FullName, cancellationToken));
    }
}
