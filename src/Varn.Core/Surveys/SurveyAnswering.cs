using System.Globalization;
using Varn.Core.Audit;

namespace Varn.Core.Surveys;

public enum LinkState
{
    Open,
    Unknown,
    Used,
    Closed,
}

/// <summary>
/// Answering by link, unlinkable by construction (DESIGN §5 rule 7, ADR 0011). In one transaction: the invitation is
/// marked answered (only if it was not — a second use stores nothing), every invitation of the round is touched, the
/// round's answers are written anew in the order of their random keys together with the new one, the counts are
/// kept, and the audit log gets "an answer to round N". Nothing ties the answer to its invitation: no column, no
/// storage or transaction order, no audit key.
/// </summary>
public sealed class SurveyAnswering(VarnDbContext db, AuditLog audit, CurrentActor actor, TimeProvider clock)
{
    /// <summary>What the link leads to: its invitation and round, and whether it may still be used.</summary>
    public async Task<(LinkState State, SurveyInvitation? Invitation)> FindAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (!SurveyTokens.LooksLikeToken(token))
        {
            return (LinkState.Unknown, null);
        }
        var hash = SurveyTokens.Hash(token!);
        var invitation = await db.SurveyInvitations.AsNoTracking().Include(i => i.Round).ThenInclude(r => r!.Council)
            .FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null)
        {
            return (LinkState.Unknown, null);
        }
        if (invitation.Answered)
        {
            return (LinkState.Used, invitation);
        }
        return (invitation.Round!.IsClosed(clock.Today()) ? LinkState.Closed : LinkState.Open, invitation);
    }

    /// <summary>Stores the answer. Returns the link's state: Open when stored; Used or Closed when refused and nothing stored.</summary>
    public async Task<LinkState> AnswerAsync(string token, SurveyResponse response, bool synthetic = false, CancellationToken cancellationToken = default)
    {
        var (state, invitation) = await FindAsync(token, cancellationToken);
        if (state != LinkState.Open)
        {
            return state;
        }
        var roundId = invitation!.RoundId;
        actor.Set("en mottagare av enkäten", null);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var marked = await db.SurveyInvitations.Where(i => i.Id == invitation.Id && !i.Answered)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Answered, true), cancellationToken);
        if (marked == 0)
        {
            return LinkState.Used;
        }
        // Every invitation of the round gets this transaction's id (PostgreSQL's xmin), not only the one answered.
        await db.SurveyInvitations.Where(i => i.RoundId == roundId).ExecuteUpdateAsync(s => s.SetProperty(i => i.Answered, i => i.Answered), cancellationToken);

        var answers = await db.SurveyAnswers.AsNoTracking().Where(a => a.RoundId == roundId).ToListAsync(cancellationToken);
        answers.Add(new SurveyAnswer { Id = Guid.NewGuid(), RoundId = roundId, Kind = invitation.Kind, Values = response.ToJson(), Comments = response.Comments, IsSynthetic = synthetic });
        await db.SurveyAnswers.Where(a => a.RoundId == roundId).ExecuteDeleteAsync(cancellationToken);
        // Written anew in the order of their random keys: the newest is somewhere among them, not last.
        db.SurveyAnswers.AddRange(answers.OrderBy(a => a.Id));
        await db.SaveChangesAsync(cancellationToken);
        foreach (var answer in answers)
        {
            db.Entry(answer).State = EntityState.Detached;
        }

        await CountAsync(roundId, invitation.Kind, response, cancellationToken);
        await audit.RecordAsync("survey.answered", nameof(SurveyRound), roundId.ToString(CultureInfo.InvariantCulture), "Ett svar på enkäten", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return LinkState.Open;
    }

    private async Task CountAsync(int roundId, RecipientKind kind, SurveyResponse response, CancellationToken cancellationToken)
    {
        var counts = new List<(string Question, string Option, int Delta)> { (SurveyResults.AnswersQuestion, SurveyResults.AnswersOption, 1) };
        counts.AddRange(response.Choices.Select(c => (c.Key, c.Value, 1)));
        counts.AddRange(response.Several.SelectMany(s => s.Value.Select(option => (s.Key, option, 1))));
        counts.AddRange(response.Several.Select(s => (s.Key, SurveyResults.AnsweredOption, 1)));
        counts.AddRange(response.Choices.Select(c => (c.Key, SurveyResults.AnsweredOption, 1)));
        counts.AddRange(response.Relatives.Where(r => r.Value > 0).Select(r => ("relativesContacted", r.Key, r.Value)));
        var kindCode = kind.ToString();
        foreach (var (question, option, delta) in counts)
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "SurveyCounts" ("RoundId", "Kind", "Question", "Option", "Count") VALUES ({roundId}, {kindCode}, {question}, {option}, {delta})
                ON CONFLICT ("RoundId", "Kind", "Question", "Option") DO UPDATE SET "Count" = "SurveyCounts"."Count" + excluded."Count"
                """, cancellationToken);
        }
    }
}
