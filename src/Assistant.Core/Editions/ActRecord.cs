using Assistant.Core.Acts;

namespace Assistant.Core.Editions;

/// <summary>
/// What the catalog knows of one stored record of an act (an Adilet file, a bulk record) when it decides which act
/// the record is an edition of.
/// </summary>
/// <param name="RecordId">The id the source gave the record («ru2024-261», «ru-ex-000602», the Adilet code of a file).</param>
/// <param name="ActId">The act id the record is stored under now.</param>
/// <param name="Edition">The stored edition label; null when undated.</param>
/// <param name="FromAdilet">The record is an Adilet text, whose file name is the act's Adilet code.</param>
/// <param name="TextDigest">A digest of the record's norms, equal for records with the same text; empty without norms.</param>
/// <param name="Collection">The source the record came from: «adilet», or a bulk file's name without its part number («ru-acts-2024»).</param>
public sealed record ActRecord(
    string RecordId,
    string ActId,
    Language Language,
    ActKind Kind,
    string Title,
    DateOnly? AdoptedOn,
    string? Number,
    string? Edition,
    bool FromAdilet,
    string TextDigest,
    string Collection)
{
    /// <summary>The record id a stored source names: the part after «#» of «file.jsonl.gz#id», else the act id.</summary>
    public static string RecordIdOf(string? source, string actId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actId);
        return source?.LastIndexOf('#') is { } hash and >= 0 && hash < source.Length - 1 ? source[(hash + 1)..] : actId;
    }

    /// <summary>«adilet» for a text file, else the bulk file's name without its part number and extension.</summary>
    public static string CollectionOf(string? source)
    {
        var hash = source?.LastIndexOf('#') ?? -1;
        if (source is null || hash < 0)
        {
            return "adilet";
        }

        var file = source[..hash];
        var dot = file.IndexOf('.', StringComparison.Ordinal);
        var name = dot > 0 ? file[..dot] : file;
        var dash = name.LastIndexOf('-');
        return dash > 0 && name[(dash + 1)..].All(char.IsAsciiDigit) ? name[..dash] : name;
    }

    public ActRegistration? Registration => ActRegistration.Of(AdoptedOn, Number);
}
