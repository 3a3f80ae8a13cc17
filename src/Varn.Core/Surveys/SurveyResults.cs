using Varn.Core.Statistics;

namespace Varn.Core.Surveys;

/// <summary>
/// A count as a viewer may see it: null and <see cref="Suppressed"/> when it is hidden — <see cref="Small"/> when it is
/// itself from 1 to the threshold − 1, otherwise hidden to protect one that is — and its share where there is one.
/// </summary>
public sealed record Cell(int? Count, double? Share, bool Suppressed, bool Small = false)
{
    public string Show(int threshold) => Suppressed ? (Small ? Suppression.Label(threshold) : Suppression.ProtectingLabel) : Count?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–";
}

public sealed record OptionResult(string Option, string Label, Cell All, Cell Units, Cell External);

public sealed record QuestionResult(string Code, QuestionType Type, string Label, Cell Answered, IReadOnlyList<OptionResult> Options)
{
    public bool Suppressed => Answered.Suppressed || Options.Any(o => o.All.Suppressed || o.Units.Suppressed || o.External.Suppressed);
}

public sealed record SurveyResult(
    int Invited, int InvitedUnits, int InvitedExternal, Cell Answered, Cell AnsweredUnits, Cell AnsweredExternal, double? ResponseRate,
    IReadOnlyList<QuestionResult> Questions, IReadOnlyList<string> Comments, int SyntheticAnswers)
{
    public bool Suppressed => Answered.Suppressed || AnsweredUnits.Suppressed || AnsweredExternal.Suppressed || Questions.Any(q => q.Suppressed);
}

/// <summary>
/// A round's results from its kept counts: counts and shares per question and option, units and external actors apart,
/// and the response rate — exact for the council's coordinators, protected for everyone else (<see cref="Suppression"/>).
/// </summary>
public static class SurveyResults
{
    /// <summary>The count of answers in the round (per kind).</summary>
    public const string AnswersQuestion = "_answers";
    public const string AnswersOption = "_";

    /// <summary>Under each question: how many answered it.</summary>
    public const string AnsweredOption = "_answered";

    private static readonly string[] Kinds = ["Unit", "External"];

    private static readonly Cell NotShown = new(null, null, true);

    public static async Task<SurveyResult> LoadAsync(VarnDbContext db, SurveyRound round, Viewer viewer, bool withComments, int threshold, CancellationToken cancellationToken = default)
    {
        var counts = await db.SurveyCounts.AsNoTracking().Where(c => c.RoundId == round.Id)
            .Select(c => new { c.Kind, c.Question, c.Option, c.Count }).ToListAsync(cancellationToken);
        int Count(RecipientKind kind, string question, string option) =>
            counts.Where(c => c.Kind == kind && c.Question == question && c.Option == option).Sum(c => c.Count);
        var invitations = await db.SurveyInvitations.AsNoTracking().Where(i => i.RoundId == round.Id).GroupBy(i => i.Kind)
            .Select(g => new { Kind = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var invitedUnits = invitations.Where(i => i.Kind == RecipientKind.Unit).Sum(i => i.Count);
        var invitedExternal = invitations.Where(i => i.Kind == RecipientKind.External).Sum(i => i.Count);

        var answers = new CountTable()
            .Set("Unit", Count(RecipientKind.Unit, AnswersQuestion, AnswersOption))
            .Set("External", Count(RecipientKind.External, AnswersQuestion, AnswersOption))
            .Total("All", Kinds);
        var hiddenAnswers = Suppression.Suppressed(answers, viewer, threshold);
        var byKind = viewer == Viewer.Coordinator;
        var texts = SurveyTexts.Complete(round.Texts);
        var questions = SurveyQuestions.All.Where(q => q.Type != QuestionType.Text)
            .Select(q => Question(q, texts[q.Code].Label, (kind, option) => Count(kind, q.Code, option), viewer, threshold))
            .ToList();
        var comments = withComments
            ? await db.SurveyAnswers.AsNoTracking().Where(a => a.RoundId == round.Id && a.Comments != null).OrderBy(a => a.Id).Select(a => a.Comments!).ToListAsync(cancellationToken)
            : [];
        var synthetic = await db.SurveyAnswers.CountAsync(a => a.RoundId == round.Id && a.IsSynthetic, cancellationToken);
        var invited = invitedUnits + invitedExternal;
        return new SurveyResult(
            invited, invitedUnits, invitedExternal,
            CellOf(answers, "All", hiddenAnswers, invited),
            byKind ? CellOf(answers, "Unit", hiddenAnswers, invitedUnits) : NotShown,
            byKind ? CellOf(answers, "External", hiddenAnswers, invitedExternal) : NotShown,
            Suppression.Share(answers["All"], invited, hiddenAnswers.Contains("All")),
            questions, comments, synthetic);
    }

    private static QuestionResult Question(SurveyQuestion question, string label, Func<RecipientKind, string, int> count, Viewer viewer, int threshold)
    {
        var table = new CountTable();
        foreach (var option in question.Options)
        {
            table.Set($"Unit:{option}", count(RecipientKind.Unit, option)).Set($"External:{option}", count(RecipientKind.External, option));
            table.Total($"All:{option}", [$"Unit:{option}", $"External:{option}"]);
        }
        // How many answered the question is published in total; how many of each kind is not, so that no count of a
        // kind can be worked out from it (the answers per kind of the whole round are shown to the coordinators only).
        var answered = question.Type != QuestionType.CountPerEnvironment;
        if (question.Type == QuestionType.YesNo)
        {
            table.Total("All:answered", question.Options.Select(o => $"All:{o}").ToList());
        }
        else if (answered)
        {
            table.Set("All:answered", count(RecipientKind.Unit, AnsweredOption) + count(RecipientKind.External, AnsweredOption));
        }
        var hidden = Suppression.Suppressed(table, viewer, threshold);
        var options = question.Options.Select(o => new OptionResult(o, SurveyQuestions.OptionLabel(o),
            CellOf(table, $"All:{o}", hidden, answered ? table["All:answered"] : null, hidden.Contains("All:answered")),
            CellOf(table, $"Unit:{o}", hidden, null),
            CellOf(table, $"External:{o}", hidden, null))).ToList();
        var answeredCell = answered ? CellOf(table, "All:answered", hidden, null) : new Cell(null, null, false);
        return new QuestionResult(question.Code, question.Type, label, answeredCell, options);
    }

    private static Cell CellOf(CountTable table, string cell, HiddenCells hidden, int? whole, bool wholeHidden = false)
    {
        var isHidden = hidden.Contains(cell);
        return new Cell(isHidden ? null : table[cell], whole is null ? null : Suppression.Share(table[cell], whole.Value, isHidden || wholeHidden), isHidden, hidden.IsSmall(cell));
    }
}
