using System.Text.Json;
using Assistant.Core.Acts;
using Assistant.Core.Vectors;
using Google.Protobuf.Collections;
using Qdrant.Client.Grpc;

namespace Assistant.Storage.Qdrant;

/// <summary>Payload field names of a norm point, the text codes of the values searches filter on, and their reading.</summary>
internal static class QdrantPayload
{
    public const string Key = "key";
    public const string ActId = "act_id";
    public const string Language = "language";
    public const string Kind = "kind";
    public const string ActStatus = "act_status";
    public const string NormStatus = "norm_status";
    public const string ContentHash = "content_hash";

    /// <summary>The edition whose text was embedded; absent when the source names none.</summary>
    public const string Edition = "edition";

    /// <summary>Collection metadata entry naming the embedding model the vectors come from.</summary>
    public const string ModelMetadata = "raglegal_model";

    /// <summary>Fields that get a keyword index: every field a filter or a delete names, and the edition.</summary>
    public static readonly string[] KeywordFields = [ActId, Language, Kind, ActStatus, NormStatus, Edition];

    /// <summary>Fields a search hit reads.</summary>
    public static readonly string[] HitFields = [Key, ActId];

    /// <summary>Fields listing reads.</summary>
    public static readonly string[] ListFields = [Key, ActId, ContentHash];

    /// <summary>Act statuses an in-force search keeps: unknown counts as in force, as in lexical search.</summary>
    public static readonly string[] InForceActStatuses = [Code(Assistant.Core.Acts.ActStatus.InForce), Code(Assistant.Core.Acts.ActStatus.Unknown)];

    public static readonly string ActiveNormStatus = Code(Assistant.Core.Norms.NormStatus.Active);

    /// <summary>"constitutional_law", "in_force", "active": snake_case of the enum name.</summary>
    public static string Code<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static void Write(VectorPoint point, MapField<string, Value> payload)
    {
        payload[Key] = point.Key.ToString();
        payload[ActId] = point.Payload.ActId;
        payload[Language] = point.Key.Language.ToCode();
        payload[Kind] = Code(point.Payload.Kind);
        payload[ActStatus] = Code(point.Payload.ActStatus);
        payload[NormStatus] = Code(point.Payload.NormStatus);
        payload[ContentHash] = point.Payload.ContentHash;
        if (point.Payload.Edition is { } edition)
        {
            payload[Edition] = edition;
        }
    }

    /// <exception cref="InvalidDataException">The field is missing or not text: the point was not written by RagLegal.</exception>
    public static string Text(MapField<string, Value> payload, string field, PointId id, string collection) =>
        payload.TryGetValue(field, out var value) && value.KindCase == Value.KindOneofCase.StringValue
            ? value.StringValue
            : throw new InvalidDataException($"Qdrant point {Describe(id)} of collection '{collection}' has no '{field}' in its payload: it was not written by RagLegal.");

    /// <exception cref="InvalidDataException">The key is missing or malformed.</exception>
    public static VectorKey KeyOf(MapField<string, Value> payload, PointId id, string collection)
    {
        var text = Text(payload, Key, id, collection);
        try
        {
            return VectorKey.Parse(text);
        }
        catch (FormatException exception)
        {
            throw new InvalidDataException($"Qdrant point {Describe(id)} of collection '{collection}' has a malformed key: {exception.Message}", exception);
        }
    }

    private static string Describe(PointId id) => id.PointIdOptionsCase == PointId.PointIdOptionsOneofCase.Uuid ? id.Uuid : id.Num.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
