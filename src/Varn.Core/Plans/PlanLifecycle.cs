using Varn.Core.Organisation;

namespace Varn.Core.Plans;

/// <summary>What a stage change needs besides the new stage: the decision dates and the diarienummer.</summary>
public sealed record StageChangeRequest(PlanStage To, string? Diarienummer, DateOnly? DecidedOn, DateOnly? ApprovedOn, string? Note);

/// <summary>Creating plans from the city template and moving them through their stages (DESIGN C2, C4).</summary>
public sealed class PlanLifecycle(VarnDbContext db, TimeProvider clock)
{
    public async Task<ActionPlan> CreateFromTemplateAsync(Council council, int year, string createdBy, CancellationToken cancellationToken = default)
    {
        var template = await db.TemplateSections.AsNoTracking()
            .Where(t => t.MunicipalityId == council.MunicipalityId)
            .ToDictionaryAsync(t => t.Key, t => t.Text, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var plan = new ActionPlan
        {
            CouncilId = council.Id,
            Year = year,
            Title = ActionPlan.DefaultTitle(council.Name, year),
            Stage = PlanStage.Draft,
            CreatedAt = now,
            UpdatedAt = now,
        };
        foreach (var key in SectionKeys.InOrder)
        {
            plan.Sections.Add(new PlanSection { Key = key, Text = template.GetValueOrDefault(key, "") });
        }
        plan.StageChanges.Add(new StageChange { To = PlanStage.Draft, ChangedBy = createdBy, ChangedAt = now, Note = "Skapad från stadens mall" });
        db.Plans.Add(plan);
        return plan;
    }

    /// <summary>When a revision is approved, last year's plan it was revised from is superseded.</summary>
    private void SupersedePrevious(ActionPlan plan, string changedBy, DateTime now)
    {
        if (plan.RevisedFromId is not { } previousId)
        {
            return;
        }
        var previous = db.Plans.FirstOrDefault(p => p.Id == previousId);
        if (previous is null || previous.Stage != PlanStage.Approved)
        {
            return;
        }
        previous.StageChanges.Add(new StageChange
        {
            PlanId = previous.Id,
            From = previous.Stage,
            To = PlanStage.Superseded,
            ChangedBy = changedBy,
            ChangedAt = now,
            Note = $"Ersatt av {plan.Year} års plan",
        });
        previous.Stage = PlanStage.Superseded;
        previous.UpdatedAt = now;
        previous.Version++;
    }

    /// <summary>
    /// Checks a stage change and applies it to the tracked plan. Returns the problems, keyed by the field they concern
    /// (empty when the change was applied). The caller saves.
    /// </summary>
    public Dictionary<string, string> ChangeStage(ActionPlan plan, StageChangeRequest request, string changedBy)
    {
        var errors = new Dictionary<string, string>();
        if (!plan.Stage.NextStages().Contains(request.To))
        {
            errors["To"] = $"En plan i steget «{plan.Stage.Label()}» kan inte flyttas till «{request.To.Label()}».";
            return errors;
        }

        var diarienummer = string.IsNullOrWhiteSpace(request.Diarienummer) ? plan.Diarienummer : request.Diarienummer.Trim();
        if (request.To == PlanStage.Decided)
        {
            if (string.IsNullOrWhiteSpace(diarienummer))
            {
                errors["Diarienummer"] = "Ange nämndens diarienummer för ärendet.";
            }
            if (request.DecidedOn is null)
            {
                errors["DecidedOn"] = "Ange datumet då nämnden behandlade planen.";
            }
            else if (request.DecidedOn.Value.Year < plan.Year - 1 || request.DecidedOn.Value.Year > plan.Year + 1)
            {
                errors["DecidedOn"] = $"Datumet ligger långt från planens år {plan.Year}. Kontrollera året.";
            }
        }
        if (request.To == PlanStage.Approved)
        {
            if (request.ApprovedOn is null)
            {
                errors["ApprovedOn"] = "Ange datumet då kommunstyrelsen godkände planen.";
            }
            else if (plan.DecidedOn is { } decided && request.ApprovedOn < decided)
            {
                errors["ApprovedOn"] = $"Kommunstyrelsen kan inte ha godkänt planen före nämndens beslut ({decided:yyyy-MM-dd}).";
            }
        }
        if (errors.Count > 0)
        {
            return errors;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        plan.StageChanges.Add(new StageChange
        {
            PlanId = plan.Id,
            From = plan.Stage,
            To = request.To,
            ChangedBy = changedBy,
            ChangedAt = now,
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
        });
        plan.Stage = request.To;
        plan.Diarienummer = diarienummer;
        if (request.To == PlanStage.Decided)
        {
            plan.DecidedOn = request.DecidedOn;
        }
        if (request.To == PlanStage.Approved)
        {
            plan.ApprovedOn = request.ApprovedOn;
            SupersedePrevious(plan, changedBy, now);
        }
        if (request.To == PlanStage.Draft)
        {
            plan.DecidedOn = null;
            plan.ApprovedOn = null;
        }
        plan.UpdatedAt = now;
        plan.Version++;
        return errors;
    }
}
