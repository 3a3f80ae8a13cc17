using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
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
        Version = activity.Version,
    };

    public IReadOnlyList<string> PartnerList() =>
        (Partners ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Checks the fields. With <paramref name="statusOnly"/>, only status and comment are the form's to change.</summary>
    public void Validate(ModelStateDictionary state, bool statusOnly, IEnumerable<SelectListItem> units)
    {
        if (!Codes.TryParse<ActivityStatus>(Status, out _))
        {
            state.AddModelError("Input.Status", "Välj en status.");
        }
        Length(state, "Input.StatusComment", StatusComment, PlanDocumentReader.MaxActivityTextLength, "Kommentaren");
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
            state.AddModelError("Input.Area", "Välj vilket område aktiviteten hör till.");
        }
        if (string.IsNullOrWhiteSpace(Text))
        {
            state.AddModelError("Input.Text", "Beskriv aktiviteten.");
        }
        Length(state, "Input.Text", Text, PlanDocumentReader.MaxActivityTextLength, "Beskrivningen");
        Length(state, "Input.Responsible", Responsible, PlanDocumentReader.MaxResponsibleLength, "Ansvarig");
        if (ResponsibleUnitId is { } unit && !units.Any(u => u.Value == unit.ToString(CultureInfo.InvariantCulture)))
        {
            state.AddModelError("Input.ResponsibleUnitId", "Välj en av nämndens enheter, eller ingen.");
        }
        Length(state, "Input.Schedule", Schedule, PlanDocumentReader.MaxScheduleLength, "Tidplanen");
        Length(state, "Input.FollowUp", FollowUp, PlanDocumentReader.MaxFollowUpLength, "Uppföljningen");
        var partners = PartnerList();
        if (partners.Count > PlanDocumentReader.MaxPartners)
        {
            state.AddModelError("Input.Partners", $"Ange högst {PlanDocumentReader.MaxPartners} samverkansparter, en per rad.");
        }
        else if (partners.FirstOrDefault(p => p.Length > PlanDocumentReader.MaxPartnerLength) is { } longPartner)
        {
            state.AddModelError("Input.Partners", $"En rad är {longPartner.Length} tecken; högst {PlanDocumentReader.MaxPartnerLength} tecken per samverkanspart.");
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
    }

    /// <summary>The council's units for the responsible-unit choice, with "none" first.</summary>
    public static async Task<IReadOnlyList<SelectListItem>> UnitItemsAsync(VarnDbContext db, int councilId, CancellationToken cancellationToken)
    {
        var units = await db.Units.Where(u => u.CouncilId == councilId).OrderBy(u => u.Name)
            .Select(u => new SelectListItem(u.Name, u.Id.ToString())).ToListAsync(cancellationToken);
        return [new SelectListItem("Ingen enhet vald", ""), .. units];
    }

    public static IEnumerable<SelectListItem> AreaItems() =>
        Enum.GetValues<ActivityArea>().Select(a => new SelectListItem(a.Label(), Codes.Of(a)));

    public static IEnumerable<SelectListItem> StatusItems() =>
        Enum.GetValues<ActivityStatus>().Select(s => new SelectListItem(s.Label(), Codes.Of(s)));

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ReplaceLineEndings("\n");

    private static void Length(ModelStateDictionary state, string key, string? value, int max, string what)
    {
        if (value is not null && value.Length > max)
        {
            state.AddModelError(key, $"{what} är {value.Length} tecken lång; högst {max} tecken.");
        }
    }
}
