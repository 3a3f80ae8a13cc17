using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Varn.Core.Plans.Interchange;
using Varn.Core.Privacy;

namespace Varn.Web.Pages.Plans.Activities;

/// <summary>What the activity form may change. Never the entity itself: the plan, lineage and order are not the form's.</summary>
public sealed class ActivityInput
{
    public string? Area { get; set; }
    public string? Text { get; set; }
    public string? Responsible { get; set; }

    /// <summary>The unit responsible, if any: its manager may then follow the activity up.</summary>
    public int? ResponsibleUnitId { get; set; }

    /// <summary>One partner per line.</summary>
    public string? Partners { get; set; }

    public string? Schedule { get; set; }
    public string? FollowUp { get; set; }
    public string? Status { get; set; }
    public string? StatusComment { get; set; }

    /// <summary>The register that measures the activity: "forum:12", "course:3", "grants" or empty.</summary>
    public string? Register { get; set; }

    public int Version { get; set; }

    public static ActivityInput From(Activity activity) => new()
    {
        Area = Codes.Of(activity.Area),
        Text = activity.Text,
        Responsible = activity.Responsible,
        ResponsibleUnitId = activity.ResponsibleUnitId,
        Partners = string.Join("\n", activity.Partners),
        Schedule = activity.Schedule,
        FollowUp = activity.FollowUp,
        Status = Codes.Of(activity.Status),
        StatusComment = activity.StatusComment,
        Register = RegisterCode(activity.ForumId, activity.CourseId, activity.UsesGrantsRegister),
        Version = activity.Version,
    };

    public IReadOnlyList<string> PartnerList() =>
        (Partners ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// Checks the fields, with the messages in the reader's language (<paramref name="T"/>, the page's). With
    /// <paramref name="statusOnly"/>, only status and comment are the form's to change.
    /// </summary>
    public void Validate(ModelStateDictionary state, IStringLocalizer T, bool statusOnly, IEnumerable<SelectListItem> units, IEnumerable<SelectListItem> registers)
    {
        if (!Codes.TryParse<ActivityStatus>(Status, out _))
        {
            state.AddModelError("Input.Status", T["Välj en status."]);
        }
        Length(state, T, "Input.StatusComment", StatusComment, PlanDocumentReader.MaxActivityTextLength, T["Kommentaren"]);
        if (PersonalDataGuard.Refusal(StatusComment, "Kommentaren") is { } refusal)
        {
            state.AddModelError("Input.StatusComment", refusal);
        }
        if (statusOnly)
        {
            return;
        }
        if (!Codes.TryParse<ActivityArea>(Area, out _))
        {
            state.AddModelError("Input.Area", T["Välj vilket område aktiviteten hör till."]);
        }
        if (string.IsNullOrWhiteSpace(Text))
        {
            state.AddModelError("Input.Text", T["Beskriv aktiviteten."]);
        }
        Length(state, T, "Input.Text", Text, PlanDocumentReader.MaxActivityTextLength, T["Beskrivningen"]);
        Length(state, T, "Input.Responsible", Responsible, PlanDocumentReader.MaxResponsibleLength, T["Ansvarig"]);
        if (ResponsibleUnitId is { } unit && !units.Any(u => u.Value == unit.ToString(CultureInfo.InvariantCulture)))
        {
            state.AddModelError("Input.ResponsibleUnitId", T["Välj en av nämndens enheter, eller ingen."]);
        }
        if (!registers.Any(r => r.Value == (Register ?? "")))
        {
            state.AddModelError("Input.Register", T["Välj ett av nämndens forum, en av stadens kurser, bidragsregistret eller inget."]);
        }
        else if (Codes.TryParse<ActivityArea>(Area, out var chosen) && !RegisterFigures.Fits(chosen, ForumOf(Register), CourseOf(Register), Register == "grants"))
        {
            state.AddModelError("Input.Register", T["Registret hör inte till området: bidragsregistret till föreningsbidrag och lokaler, kurser till kompetenshöjande, forum till övriga områden."]);
        }
        Length(state, T, "Input.Schedule", Schedule, PlanDocumentReader.MaxScheduleLength, T["Tidplanen"]);
        Length(state, T, "Input.FollowUp", FollowUp, PlanDocumentReader.MaxFollowUpLength, T["Uppföljningen"]);
        var partners = PartnerList();
        if (partners.Count > PlanDocumentReader.MaxPartners)
        {
            state.AddModelError("Input.Partners", T["Ange högst {0} samverkansparter, en per rad.", PlanDocumentReader.MaxPartners]);
        }
        else if (partners.FirstOrDefault(p => p.Length > PlanDocumentReader.MaxPartnerLength) is { } longPartner)
        {
            state.AddModelError("Input.Partners", T["En rad är {0} tecken; högst {1} tecken per samverkanspart.", longPartner.Length, PlanDocumentReader.MaxPartnerLength]);
        }
    }

    public void ApplyTo(Activity activity, bool statusOnly)
    {
        activity.Status = Codes.TryParse<ActivityStatus>(Status, out var status) ? status : activity.Status;
        activity.StatusComment = Clean(StatusComment);
        if (statusOnly)
        {
            return;
        }
        activity.Area = Codes.TryParse<ActivityArea>(Area, out var area) ? area : activity.Area;
        activity.Text = Text!.Trim();
        activity.Responsible = Responsible?.Trim() ?? "";
        activity.ResponsibleUnitId = ResponsibleUnitId;
        activity.Partners = PartnerList().ToList();
        activity.SetSchedule(Schedule);
        activity.FollowUp = Clean(FollowUp);
        activity.ForumId = ForumOf(Register);
        activity.CourseId = CourseOf(Register);
        activity.UsesGrantsRegister = Register == "grants";
    }

    /// <summary>The registers an activity of the council may point to, with "none" first.</summary>
    public static async Task<IReadOnlyList<SelectListItem>> RegisterItemsAsync(VarnDbContext db, int councilId, CancellationToken cancellationToken)
    {
        var forums = await db.Forums.Where(f => f.CouncilId == councilId).OrderBy(f => f.Name).Select(f => new { f.Id, f.Name }).ToListAsync(cancellationToken);
        var courses = await db.Courses.OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        return
        [
            new SelectListItem("Inget register", ""),
            .. forums.Select(f => new SelectListItem($"Forum: {f.Name}", RegisterCode(f.Id, null, false))),
            .. courses.Select(c => new SelectListItem($"Kurs: {c.Name}", RegisterCode(null, c.Id, false))),
            new SelectListItem("Registret över bidrag och lokaler", "grants"),
        ];
    }

    private static string RegisterCode(int? forumId, int? courseId, bool grants) =>
        forumId is { } forum ? $"forum:{forum.ToString(CultureInfo.InvariantCulture)}"
        : courseId is { } course ? $"course:{course.ToString(CultureInfo.InvariantCulture)}"
        : grants ? "grants" : "";

    private static int? ForumOf(string? code) => IdOf(code, "forum:");

    private static int? CourseOf(string? code) => IdOf(code, "course:");

    private static int? IdOf(string? code, string prefix) =>
        code is not null && code.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(code[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The council's units for the responsible-unit choice, with "none" first.</summary>
    public static async Task<IReadOnlyList<SelectListItem>> UnitItemsAsync(VarnDbContext db, int councilId, CancellationToken cancellationToken)
    {
        var units = await db.Units.Where(u => u.CouncilId == councilId).OrderBy(u => u.Name)
            .Select(u => new SelectListItem(u.Name, u.Id.ToString())).ToListAsync(cancellationToken);
        return [new SelectListItem("Ingen enhet vald", ""), .. units];
    }

    public static IEnumerable<SelectListItem> AreaItems() =>
        CodeChoices.Of<ActivityArea>(a => a.Label());

    public static IEnumerable<SelectListItem> StatusItems() =>
        CodeChoices.Of<ActivityStatus>(s => s.Label());

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ReplaceLineEndings("\n");

    private static void Length(ModelStateDictionary state, IStringLocalizer T, string key, string? value, int max, string what)
    {
        if (value is not null && value.Length > max)
        {
            state.AddModelError(key, T["{0} är {1} tecken lång; högst {2} tecken.", what, value.Length, max]);
        }
    }
}
