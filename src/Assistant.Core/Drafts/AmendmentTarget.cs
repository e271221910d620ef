using System.Globalization;
using System.Text;
using Assistant.Core.Norms;

namespace Assistant.Core.Drafts;

/// <summary>
/// Where an instruction applies: a chapter, or a norm (<c>&lt;ACT&gt;/art:N[/p:P[/sp:S]]</c>) and, within it, its
/// heading, a part or a paragraph counted from 1.
/// </summary>
public sealed record AmendmentTarget(
    string ActId,
    string? Chapter = null,
    string? Article = null,
    string? Point = null,
    string? Subpoint = null,
    TargetElement Element = TargetElement.Whole,
    int Ordinal = 0)
{
    /// <summary>The norm addressed, or null for a chapter or the act itself.</summary>
    public NormId? Norm => Article is null && Point is null ? null : new NormId(ActId, Article, Point, Subpoint);

    public override string ToString()
    {
        var text = new StringBuilder(Norm?.ToString() ?? (Chapter is null ? ActId : $"{ActId}/chapter:{Chapter}"));
        switch (Element)
        {
            case TargetElement.Heading:
                text.Append(" heading");
                break;
            case TargetElement.Part:
                text.Append(CultureInfo.InvariantCulture, $" part {Ordinal}");
                break;
            case TargetElement.Paragraph:
                text.Append(CultureInfo.InvariantCulture, $" paragraph {Ordinal}");
                break;
        }

        return text.ToString();
    }
}
