using System.Text;

namespace Varn.Core.Privacy;

/// <summary>
/// Text as the guard reads it: what Word and phones paste — en and em dashes, the non-breaking hyphen, the minus sign,
/// non-breaking and thin spaces, soft hyphens and zero-width characters, full-width digits — made plain, with a map
/// back to each character's place in the original so that a hit names the position the person sees.
/// </summary>
internal sealed class NormalisedText
{
    private readonly int[] originalIndex;

    private NormalisedText(string text, int[] originalIndex)
    {
        Text = text;
        this.originalIndex = originalIndex;
    }

    public string Text { get; }

    public static NormalisedText From(string original)
    {
        var text = new StringBuilder(original.Length);
        var map = new List<int>(original.Length);
        for (var i = 0; i < original.Length; i++)
        {
            var c = original[i];
            if (IsInvisible(c))
            {
                continue;
            }
            text.Append(Plain(c));
            map.Add(i);
        }
        return new NormalisedText(text.ToString(), [.. map]);
    }

    /// <summary>The span in the original text that the span <paramref name="index"/>..+<paramref name="length"/> of <see cref="Text"/> came from.</summary>
    public (int Index, int Length) Original(int index, int length)
    {
        var start = originalIndex[index];
        return (start, originalIndex[index + length - 1] + 1 - start);
    }

    private static bool IsInvisible(char c) => c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    private static char Plain(char c) => c switch
    {
        >= '\u2010' and <= '\u2015' or '\u2212' or '\uFE58' or '\uFE63' or '\uFF0D' => '-',
        '\u00A0' or (>= '\u2000' and <= '\u200A') or '\u202F' or '\u205F' or '\u3000' or '\t' => ' ',
        '\u2044' or '\u2215' or '\uFF0F' => '/',
        '\uFF0B' => '+',
        >= '\uFF10' and <= '\uFF19' => (char)('0' + (c - '\uFF10')),
        _ => c,
    };
}
