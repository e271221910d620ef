using System.Text.Json;
using Assistant.Core.Acts;
using Assistant.Core.Vectors;

namespace Assistant.Storage.Qdrant;

/// <summary>Writes Qdrant filters: every condition of a <see cref="VectorFilter"/> goes under "must".</summary>
internal static class QdrantFilter
{
    /// <summary>Writes "filter" when the filter limits anything.</summary>
    public static void Write(Utf8JsonWriter writer, VectorFilter filter)
    {
        if (filter.Language is null && filter.ActIds is null && filter.Kind is null && !filter.InForceOnly)
        {
            return;
        }

        writer.WriteStartObject("filter");
        writer.WriteStartArray("must");
        if (filter.Language is { } language)
        {
            MatchValue(writer, QdrantPayload.Language, language.ToCode());
        }

        if (filter.ActIds is { } actIds)
        {
            MatchAny(writer, QdrantPayload.ActId, actIds);
        }

        if (filter.Kind is { } kind)
        {
            MatchValue(writer, QdrantPayload.Kind, QdrantPayload.Code(kind));
        }

        if (filter.InForceOnly)
        {
            MatchAny(writer, QdrantPayload.ActStatus, QdrantPayload.InForceActStatuses);
            MatchValue(writer, QdrantPayload.NormStatus, QdrantPayload.ActiveNormStatus);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Writes a filter matching one act's points.</summary>
    public static void WriteAct(Utf8JsonWriter writer, string actId)
    {
        writer.WriteStartObject("filter");
        writer.WriteStartArray("must");
        MatchValue(writer, QdrantPayload.ActId, actId);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Writes a filter leaving out the shape marker point: norm points only.</summary>
    public static void WriteNormsOnly(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("filter");
        writer.WriteStartArray("must_not");
        writer.WriteStartObject();
        writer.WriteStartArray("has_id");
        writer.WriteStringValue(QdrantPointIds.ShapeMarker);
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void MatchValue(Utf8JsonWriter writer, string key, string value)
    {
        writer.WriteStartObject();
        writer.WriteString("key", key);
        writer.WriteStartObject("match");
        writer.WriteString("value", value);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void MatchAny(Utf8JsonWriter writer, string key, IEnumerable<string> values)
    {
        writer.WriteStartObject();
        writer.WriteString("key", key);
        writer.WriteStartObject("match");
        QdrantJson.WriteStrings(writer, "any", values);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
