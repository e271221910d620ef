using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Localization;

namespace Assistant.Api.Hosting;

/// <summary>
/// A problem's detail as a sentence to say in the caller's language. Written as an interpolated string, it keeps its
/// English template ("No draft has the id '{0}'.") apart from its values, and the template is the key of its
/// translations (Resources/ProblemTexts.*.resx); a plain string is looked up whole. Values are written invariantly:
/// they are ids, limits and dates the caller sent or must send.
/// </summary>
[InterpolatedStringHandler]
internal sealed class ProblemText
{
    private readonly StringBuilder template;
    private readonly List<object?> values;
    private readonly bool composite;

    public ProblemText(int literalLength, int formattedCount)
    {
        template = new StringBuilder(literalLength + (4 * formattedCount));
        values = new List<object?>(formattedCount);
        composite = true;
    }

    private ProblemText(string text)
    {
        template = new StringBuilder(text);
        values = [];
    }

    /// <summary>The English template, the key its translations are found by.</summary>
    public string Template => template.ToString();

    public static implicit operator ProblemText(string text) => new(text);

    public static ProblemText FromString(string text) => new(text);

    public void AppendLiteral(string literal) =>
        template.Append(literal.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));

    public void AppendFormatted<T>(T value, string? format = null) => AppendFormatted(value, 0, format);

    public void AppendFormatted<T>(T value, int alignment, string? format = null)
    {
        template.Append('{').Append(values.Count);
        if (alignment != 0)
        {
            template.Append(',').Append(alignment);
        }

        if (format is not null)
        {
            template.Append(':').Append(format);
        }

        template.Append('}');
        values.Add(value);
    }

    /// <summary>The sentence in the language of <paramref name="localizer"/>'s culture, in English where it has no translation.</summary>
    public string In(IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var translated = localizer[Template];
        if (translated.ResourceNotFound)
        {
            return ToString();
        }

        // A value that is itself a ProblemText (a phrase such as "each user") is said in the same language.
        return composite
            ? string.Format(CultureInfo.InvariantCulture, translated.Value, [.. values.Select(v => v is ProblemText phrase ? phrase.In(localizer) : v)])
            : translated.Value;
    }

    /// <summary>The sentence in English.</summary>
    public override string ToString() =>
        composite ? string.Format(CultureInfo.InvariantCulture, Template, [.. values]) : Template;
}
