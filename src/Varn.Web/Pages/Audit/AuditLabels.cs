namespace Varn.Web.Pages.Audit;

/// <summary>Swedish wording of the audit log's action codes.</summary>
public static class AuditLabels
{
    private static readonly Dictionary<string, string> Entities = new()
    {
        ["ActionPlan"] = "Plan",
        ["Activity"] = "Aktivitet",
        ["PlanSection"] = "Avsnitt",
        ["StageChange"] = "Stegändring",
        ["TemplateSection"] = "Malltext",
        ["Municipality"] = "Kommun",
        ["Council"] = "Nämnd",
        ["PoliceArea"] = "Lokalpolisområde",
        ["Department"] = "Avdelning",
        ["Unit"] = "Enhet",
        ["VarnUser"] = "Konto",
        ["RoleAssignment"] = "Roll",
        ["ApiToken"] = "API-nyckel",
    };

    private static readonly Dictionary<string, string> Events = new()
    {
        ["signin.succeeded"] = "Inloggning",
        ["signin.failed"] = "Misslyckad inloggning",
        ["signin.lockedout"] = "Inloggning mot spärrat konto",
        ["signout"] = "Utloggning",
        ["plan.exported"] = "Export av plan",
        ["plan.imported"] = "Import av plan",
    };

    public static string Entity(string? entity) => entity is null ? "" : Entities.GetValueOrDefault(entity, entity);

    public static string Action(string action)
    {
        if (Events.TryGetValue(action, out var label))
        {
            return label;
        }
        var dot = action.LastIndexOf('.');
        if (dot < 0)
        {
            return action;
        }
        var verb = action[(dot + 1)..] switch
        {
            "created" => "skapad",
            "updated" => "ändrad",
            "deleted" => "borttagen",
            var other => other,
        };
        return $"{Entity(action[..dot])} {verb}";
    }
}
