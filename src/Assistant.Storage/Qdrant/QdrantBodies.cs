using Assistant.Core.Acts;
using Assistant.Core.Vectors;

namespace Assistant.Storage.Qdrant;

/// <summary>JSON bodies of the REST requests the index sends, as Qdrant's OpenAPI schema (1.13) names their fields.</summary>
internal static class QdrantBodies
{
    public const string DenseVector = "dense";
    public const string SparseVector = "bm25";

    private static readonly string[] HitFields = [QdrantPayload.Key, QdrantPayload.ActId];
    private static readonly string[] ListFields = [QdrantPayload.Key, QdrantPayload.ActId, QdrantPayload.ContentHash];

    /// <summary>
    /// A named cosine vector "dense" and a sparse vector "bm25" whose values Qdrant weighs by inverse document
    /// frequency at query time, so documents carry only the term-frequency part of BM25.
    /// </summary>
    public static byte[] CreateCollection(int dimensions) => QdrantJson.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartObject("vectors");
        writer.WriteStartObject(DenseVector);
        writer.WriteNumber("size", dimensions);
        writer.WriteString("distance", "Cosine");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartObject("sparse_vectors");
        writer.WriteStartObject(SparseVector);
        writer.WriteString("modifier", "idf");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    public static byte[] KeywordIndex(string field) => QdrantJson.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("field_name", field);
        writer.WriteString("field_schema", "keyword");
        writer.WriteEndObject();
    });

    public static byte[] Upsert(IEnumerable<VectorPoint> points) => QdrantJson.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartArray("points");
        foreach (var point in points)
        {
            writer.WriteStartObject();
            writer.WriteString("id", QdrantPointIds.For(point.Key));
            writer.WriteStartObject("vector");
            writer.WritePropertyName(DenseVector);
            QdrantJson.WriteFloats(writer, point.Dense.Span);
            if (point.Sparse is { Indices.Length: > 0 } sparse)
            {
                writer.WriteStartObject(SparseVector);
                writer.WritePropertyName("indices");
                QdrantJson.WriteInts(writer, sparse.Indices);
                writer.WritePropertyName("values");
                QdrantJson.WriteFloats(writer, sparse.Values);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteStartObject("payload");
            writer.WriteString(QdrantPayload.Key, point.Key.ToString());
            writer.WriteString(QdrantPayload.ActId, point.Payload.ActId);
            writer.WriteString(QdrantPayload.Language, point.Key.Language.ToCode());
            writer.WriteString(QdrantPayload.Kind, QdrantPayload.Code(point.Payload.Kind));
            writer.WriteString(QdrantPayload.ActStatus, QdrantPayload.Code(point.Payload.ActStatus));
            writer.WriteString(QdrantPayload.NormStatus, QdrantPayload.Code(point.Payload.NormStatus));
            writer.WriteString(QdrantPayload.ContentHash, point.Payload.ContentHash);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    /// <summary>The marker point: no vectors (named vectors are optional per point), so no search ever finds it.</summary>
    public static byte[] ShapeMarker(VectorIndexShape shape) => QdrantJson.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartArray("points");
        writer.WriteStartObject();
        writer.WriteString("id", QdrantPointIds.ShapeMarker);
        writer.WriteStartObject("vector");
        writer.WriteEndObject();
        writer.WriteStartObject("payload");
        writer.WriteStartObject(QdrantPayload.Shape);
        writer.WriteString("model", shape.Model);
        writer.WriteNumber("dimensions", shape.Dimensions);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    public static byte[] RetrieveShapeMarker() => QdrantJson.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartArray("ids");
        writer.WriteStringValue(QdrantPointIds.ShapeMarker);
        writer.WriteEndArray();
        writer.WriteBoolean("with_payload", true);
        writer.WriteBoolean("with_vector", false);
        writer.WriteEndObject();
    });

    public static byte[] DeletePoints(IEnumerable<VectorKey> keys) => QdrantJson.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartArray("points");
        foreach (var key in keys)
        {
            writer.WriteStringValue(QdrantPointIds.For(key));
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    public static byte[] DeleteAct(string actId) => QdrantJson.Write(writer =>
    {
        writer.WriteStartObject();
        QdrantFilter.WriteAct(writer, actId);
        writer.WriteEndObject();
    });

    public static byte[] CountNorms() => QdrantJson.Write(writer =>
    {
        writer.WriteStartObject();
        QdrantFilter.WriteNormsOnly(writer);
        writer.WriteBoolean("exact", true);
        writer.WriteEndObject();
    });

    /// <param name="offset">The raw JSON of the previous page's next_page_offset; null for the first page.</param>
    public static byte[] Scroll(int limit, string? offset) => QdrantJson.Write(writer =>
    {
        writer.WriteStartObject();
        QdrantFilter.WriteNormsOnly(writer);
        writer.WriteNumber("limit", limit);
        if (offset is not null)
        {
            writer.WritePropertyName("offset");
            writer.WriteRawValue(offset);
        }

        QdrantJson.WriteStrings(writer, "with_payload", ListFields);
        writer.WriteBoolean("with_vector", false);
        writer.WriteEndObject();
    });

    /// <summary>Nearest neighbours by the dense vector alone.</summary>
    public static byte[] DenseQuery(VectorQuery query) => QdrantJson.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WritePropertyName("query");
        QdrantJson.WriteFloats(writer, query.Dense.Span);
        writer.WriteString("using", DenseVector);
        QdrantFilter.Write(writer, query.Filter);
        writer.WriteNumber("limit", query.Top);
        QdrantJson.WriteStrings(writer, "with_payload", HitFields);
        writer.WriteEndObject();
    });

    /// <summary>
    /// Dense and sparse candidates, <paramref name="depth"/> each, fused by reciprocal rank. The filter goes into
    /// both prefetches, where candidates are chosen, and to the top level, which keeps the fused list honest on
    /// versions that do not push it down.
    /// </summary>
    public static byte[] FusedQuery(VectorQuery query, SparseVector sparse, int depth) => QdrantJson.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartArray("prefetch");
        writer.WriteStartObject();
        writer.WritePropertyName("query");
        QdrantJson.WriteFloats(writer, query.Dense.Span);
        writer.WriteString("using", DenseVector);
        QdrantFilter.Write(writer, query.Filter);
        writer.WriteNumber("limit", depth);
        writer.WriteEndObject();
        writer.WriteStartObject();
        writer.WriteStartObject("query");
        writer.WritePropertyName("indices");
        QdrantJson.WriteInts(writer, sparse.Indices);
        writer.WritePropertyName("values");
        QdrantJson.WriteFloats(writer, sparse.Values);
        writer.WriteEndObject();
        writer.WriteString("using", SparseVector);
        QdrantFilter.Write(writer, query.Filter);
        writer.WriteNumber("limit", depth);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteStartObject("query");
        writer.WriteString("fusion", "rrf");
        writer.WriteEndObject();
        QdrantFilter.Write(writer, query.Filter);
        writer.WriteNumber("limit", query.Top);
        QdrantJson.WriteStrings(writer, "with_payload", HitFields);
        writer.WriteEndObject();
    });
}
