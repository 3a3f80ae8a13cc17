using System.Globalization;
using Varn.Core.Audit;

namespace Varn.Core.Plans.Interchange;

public enum PlanFormat
{
    /// <summary>The interchange format varn.plan/1.</summary>
    Json,

    /// <summary>A Word document in the common structure.</summary>
    Word,
}

public sealed record PlanFile(byte[] Content, string ContentType, string FileName);

/// <summary>
/// The one way a plan leaves Värn as a file — from its page, the public page, the API or the command line — and is
/// recorded in the audit log with the format and the channel.
/// </summary>
public sealed class PlanExport(VarnDbContext db, AuditLog audit)
{
    public const string JsonContentType = "application/json; charset=utf-8";

    public async Task<PlanFile> ExportAsync(ActionPlan plan, PlanFormat format, string channel, CancellationToken cancellationToken = default)
    {
        var source = await PlanForDocument.LoadAsync(db, plan.Id, cancellationToken)
            ?? throw new InvalidOperationException($"Plan {plan.Id} is gone.");
        var name = $"{plan.Council?.Short ?? plan.CouncilId.ToString(CultureInfo.InvariantCulture)}-{plan.Year}";
        var file = format == PlanFormat.Word
            ? new PlanFile(PlanWordExporter.Write(source), PlanWordExporter.ContentType, $"{name}.docx")
            : new PlanFile(PlanDocumentWriter.Write(source.Plan), JsonContentType, $"{name}.varn-plan.json");
        await audit.RecordAsync("plan.exported", nameof(ActionPlan), plan.Id.ToString(CultureInfo.InvariantCulture),
            $"{(format == PlanFormat.Word ? "Word" : "varn.plan/1")}, {channel}", cancellationToken);
        return file;
    }
}
