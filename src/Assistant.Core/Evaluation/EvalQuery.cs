using System.Text.Json;
using System.Text.Json.Serialization;
using Assistant.Core.Acts;

namespace Assistant.Core.Evaluation;

/// <summary>A question with the norms that answer it: a line of ../shared/eval/*.jsonl or eval/retrieval/*.jsonl.</summary>
/// <param name="Kind">How it is asked (colloquial, professional, numbers) when the set says; null otherwise.</param>
public sealed record EvalQuery(string Id, string Question, Language Language, IReadOnlyList<GoldNorm> Gold, string? Kind = null)
{
    /// <summary>Reads a JSONL file of queries; a malformed line fails with its line number.</summary>
    public static IReadOnlyList<EvalQuery> ReadAll(string path)
    {
        var queries = new List<EvalQuery>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            queries.Add(ParseLine(line, $"{path}:{lineNumber}"));
        }

        return queries;
    }

    private static EvalQuery ParseLine(string line, string where)
    {
        EvalQueryRecord? record;
        try
        {
            record = JsonSerializer.Deserialize(line, EvalJsonContext.Default.EvalQueryRecord);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{where}: not a JSON object: {e.Message}", e);
        }

        if (record is null || string.IsNullOrWhiteSpace(record.Id) || string.IsNullOrWhiteSpace(record.Question))
        {
            throw new FormatException($"{where}: a query needs \"id\" and \"question\".");
        }

        if (!LanguageCodes.TryParse(record.Lang, out var language))
        {
            throw new FormatException($"{where}: \"lang\" must be \"ru\" or \"kk\", not '{record.Lang}'.");
        }

        var gold = (record.Gold ?? [])
            .Where(g => !string.IsNullOrWhiteSpace(g.Act))
            .Select(g => new GoldNorm(g.Act!, string.IsNullOrWhiteSpace(g.Article) ? null : g.Article))
            .ToList();
        return new EvalQuery(record.Id, record.Question, language, gold, string.IsNullOrWhiteSpace(record.Kind) ? null : record.Kind);
    }
}

/// <summary>A gold answer: an act, and the article when the question targets one.</summary>
public sealed record GoldNorm(string ActId, string? Article);

internal sealed record EvalQueryRecord(string? Id, string? Question, string? Lang, List<GoldRecord>? Gold, string? Kind);

internal sealed record GoldRecord(string? Act, string? Article);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(EvalQueryRecord))]
internal sealed partial class EvalJsonContext : JsonSerializerContext;
