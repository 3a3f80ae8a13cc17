using System.Text;
using System.Text.RegularExpressions;

namespace Varn.Core.Organisation;

public static partial class CouncilNames
{
    /// <summary>
    /// The URL name of a council (DESIGN §8): the place name in lower case, å/ä→a, ö→o, spaces to hyphens, without
    /// "stadsdelsnämnd". "Skärholmens stadsdelsnämnd" → "skarholmen", "Socialnämnden" → "socialnamnden".
    /// </summary>
    public static string ShortFor(string name)
    {
        var place = name.Trim();
        var district = DistrictSuffix().Match(place);
        if (district.Success)
        {
            place = district.Groups["place"].Value;
            // The genitive s of the place name: "Skärholmens" → "Skärholmen", but "Enskede-Årsta-Vantörs" → "…Vantör".
            if (place.EndsWith('s') && !place.EndsWith("ss", StringComparison.Ordinal))
            {
                place = place[..^1];
            }
        }

        var builder = new StringBuilder();
        foreach (var c in place.ToLowerInvariant())
        {
            builder.Append(c switch
            {
                'å' or 'ä' => "a",
                'ö' => "o",
                'é' => "e",
                ' ' or '-' or '_' => "-",
                _ when char.IsAsciiLetterOrDigit(c) => c.ToString(),
                _ => "",
            });
        }
        return MultipleHyphens().Replace(builder.ToString(), "-").Trim('-');
    }

    [GeneratedRegex(@"^(?<place>.+?)\s+stadsdelsnämnd$", RegexOptions.IgnoreCase)]
    private static partial Regex DistrictSuffix();

    [GeneratedRegex("-{2,}")]
    private static partial Regex MultipleHyphens();
}
