using Varn.Core.Plans;

namespace Varn.Core.Situation;

/// <summary>The picture as the plan's situation sections: Kartläggning (mapping and "Följande har framkommit") and Analys.</summary>
public static class SituationText
{
    public static IReadOnlyList<(SectionKey Key, string Text)> ForPlan(SituationPicture picture)
    {
        var mapping = new List<string>();
        if (picture.Mapping is { Length: > 0 } written)
        {
            mapping.Add(written);
        }
        if (picture.Findings.Count > 0)
        {
            mapping.Add("Följande har framkommit:");
            mapping.Add(string.Join('\n', picture.Findings.Select(f => "- " + f)));
        }
        var sections = new List<(SectionKey, string)> { (SectionKey.SituationMapping, string.Join("\n\n", mapping)) };
        if (picture.Analysis is { Length: > 0 } analysis)
        {
            sections.Add((SectionKey.SituationAnalysis, analysis));
        }
        return sections;
    }
}
