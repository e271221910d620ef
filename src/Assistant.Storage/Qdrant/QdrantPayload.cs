using System.Text.Json;

namespace Assistant.Storage.Qdrant;

/// <summary>Payload field names of a norm point and the text codes of the values searches filter on.</summary>
internal static class QdrantPayload
{
    public const string Key = "key";
    public const string ActId = "act_id";
    public const string Language = "language";
    public const string Kind = "kind";
    public const string ActStatus = "act_status";
    public const string NormStatus = "norm_status";
    public const string ContentHash = "content_hash";

    /// <summary>Payload field of the shape marker point: the model and dimensions the collection was made for.</summary>
    public const string Shape = "raglegal_index";

    /// <summary>Fields that get a keyword index: every field a filter or a delete names.</summary>
    public static readonly string[] KeywordFields = [Key, ActId, Kind, ActStatus, NormStatus, Language];

    /// <summary>Act statuses an in-force search keeps: unknown counts as in force, as in lexical search.</summary>
    public static readonly string[] InForceActStatuses = [Code(Assistant.Core.Acts.ActStatus.InForce), Code(Assistant.Core.Acts.ActStatus.Unknown)];

    public static readonly string ActiveNormStatus = Code(Assistant.Core.Norms.NormStatus.Active);

    /// <summary>"constitutional_law", "in_force", "active": snake_case of the enum name.</summary>
    public static string Code<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
