using Assistant.Core.Acts;
using Assistant.Core.Vectors;
using Qdrant.Client.Grpc;
using static Qdrant.Client.Grpc.Conditions;
using GrpcDenseVector = Qdrant.Client.Grpc.DenseVector;
using GrpcSparseVector = Qdrant.Client.Grpc.SparseVector;
using SparseVector = Assistant.Core.Vectors.SparseVector;

namespace Assistant.Storage.Qdrant;

/// <summary>The gRPC requests the index sends, as Qdrant.Client's protobuf messages: built here, sent by <see cref="QdrantCalls"/>.</summary>
internal static class QdrantRequests
{
    public const string DenseName = "dense";
    public const string SparseName = "bm25";

    /// <summary>
    /// A named cosine vector "dense" and a sparse vector "bm25" whose values Qdrant weighs by inverse document
    /// frequency at query time, so documents carry only the term-frequency part of BM25. The model goes into the
    /// collection's metadata, written with the collection itself.
    /// </summary>
    public static CreateCollection CreateCollection(string collection, VectorIndexShape shape) => new()
    {
        CollectionName = collection,
        VectorsConfig = new VectorsConfig
        {
            ParamsMap = new VectorParamsMap
            {
                Map = { [DenseName] = new VectorParams { Size = (ulong)shape.Dimensions, Distance = Distance.Cosine } },
            },
        },
        SparseVectorsConfig = new SparseVectorConfig
        {
            Map = { [SparseName] = new SparseVectorParams { Modifier = Modifier.Idf } },
        },
        Metadata = { [QdrantPayload.ModelMetadata] = shape.Model },
    };

    public static CreateFieldIndexCollection KeywordIndex(string collection, string field) => new()
    {
        CollectionName = collection,
        FieldName = field,
        FieldType = FieldType.Keyword,
        Wait = true,
    };

    public static UpsertPoints Upsert(string collection, IEnumerable<VectorPoint> points)
    {
        var request = new UpsertPoints { CollectionName = collection, Wait = true };
        foreach (var point in points)
        {
            request.Points.Add(Point(point));
        }

        return request;
    }

    public static PointStruct Point(VectorPoint point)
    {
        var vectors = new NamedVectors { Vectors = { [DenseName] = new Vector { Dense = Dense(point.Dense.Span) } } };
        if (point.Sparse is { Indices.Length: > 0 } sparse)
        {
            vectors.Vectors[SparseName] = new Vector { Sparse = Sparse(sparse) };
        }

        var result = new PointStruct { Id = QdrantPointIds.For(point.Key), Vectors = new global::Qdrant.Client.Grpc.Vectors { Vectors_ = vectors } };
        QdrantPayload.Write(point, result.Payload);
        return result;
    }

    public static DeletePoints Delete(string collection, IEnumerable<VectorKey> keys)
    {
        var ids = new PointsIdsList();
        foreach (var key in keys)
        {
            ids.Ids.Add(QdrantPointIds.For(key));
        }

        return new DeletePoints { CollectionName = collection, Wait = true, Points = new PointsSelector { Points = ids } };
    }

    public static DeletePoints DeleteAct(string collection, string actId) => new()
    {
        CollectionName = collection,
        Wait = true,
        Points = new PointsSelector { Filter = MatchKeyword(QdrantPayload.ActId, actId) },
    };

    public static CountPoints Count(string collection) => new() { CollectionName = collection, Exact = true };

    /// <param name="offset">The previous page's next offset; null for the first page.</param>
    public static ScrollPoints Scroll(string collection, int limit, PointId? offset)
    {
        var request = new ScrollPoints
        {
            CollectionName = collection,
            Limit = (uint)limit,
            WithPayload = QdrantPayload.ListFields,
            WithVectors = false,
        };
        if (offset is not null)
        {
            request.Offset = offset;
        }

        return request;
    }

    /// <summary>Nearest neighbours by the dense vector alone.</summary>
    public static QueryPoints DenseQuery(string collection, VectorQuery query)
    {
        var request = new QueryPoints
        {
            CollectionName = collection,
            Query = new Query { Nearest = new VectorInput { Dense = Dense(query.Dense.Span) } },
            Using = DenseName,
            Limit = (ulong)query.Top,
            WithPayload = QdrantPayload.HitFields,
            WithVectors = false,
        };
        if (Filter(query.Filter) is { } filter)
        {
            request.Filter = filter;
        }

        return request;
    }

    /// <summary>
    /// Dense and sparse candidates, <paramref name="depth"/> each, fused by Qdrant's reciprocal rank fusion. The
    /// filter goes into both prefetches, where candidates are chosen, and to the top level, which keeps the fused
    /// list honest whether or not the server pushes it down.
    /// </summary>
    public static QueryPoints FusedQuery(string collection, VectorQuery query, SparseVector sparse, int depth)
    {
        var filter = Filter(query.Filter);
        var dense = new PrefetchQuery
        {
            Query = new Query { Nearest = new VectorInput { Dense = Dense(query.Dense.Span) } },
            Using = DenseName,
            Limit = (ulong)depth,
        };
        var lexical = new PrefetchQuery
        {
            Query = new Query { Nearest = new VectorInput { Sparse = Sparse(sparse) } },
            Using = SparseName,
            Limit = (ulong)depth,
        };
        var request = new QueryPoints
        {
            CollectionName = collection,
            Prefetch = { dense, lexical },
            Query = new Query { Fusion = Fusion.Rrf },
            Limit = (ulong)query.Top,
            WithPayload = QdrantPayload.HitFields,
            WithVectors = false,
        };
        if (filter is not null)
        {
            dense.Filter = filter;
            lexical.Filter = filter;
            request.Filter = filter;
        }

        return request;
    }

    /// <summary>Every condition of the filter under "must"; null when it limits nothing.</summary>
    public static Filter? Filter(VectorFilter filter)
    {
        var result = new Filter();
        if (filter.Language is { } language)
        {
            result.Must.Add(MatchKeyword(QdrantPayload.Language, language.ToCode()));
        }

        if (filter.ActIds is { } actIds)
        {
            result.Must.Add(Match(QdrantPayload.ActId, [.. actIds]));
        }

        if (filter.Kind is { } kind)
        {
            result.Must.Add(MatchKeyword(QdrantPayload.Kind, QdrantPayload.Code(kind)));
        }

        if (filter.InForceOnly)
        {
            result.Must.Add(Match(QdrantPayload.ActStatus, QdrantPayload.InForceActStatuses));
            result.Must.Add(MatchKeyword(QdrantPayload.NormStatus, QdrantPayload.ActiveNormStatus));
        }

        return result.Must.Count == 0 ? null : result;
    }

    private static GrpcDenseVector Dense(ReadOnlySpan<float> values)
    {
        var vector = new GrpcDenseVector { Data = { Capacity = values.Length } };
        foreach (var value in values)
        {
            vector.Data.Add(value);
        }

        return vector;
    }

    private static GrpcSparseVector Sparse(SparseVector sparse)
    {
        var vector = new GrpcSparseVector();
        vector.Values.Add(sparse.Values);
        foreach (var index in sparse.Indices)
        {
            vector.Indices.Add((uint)index);
        }

        return vector;
    }
}
