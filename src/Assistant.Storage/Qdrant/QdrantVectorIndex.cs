using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Assistant.Core.Vectors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistant.Storage.Qdrant;

/// <summary>
/// Norm vectors in a Qdrant collection, over its REST API: one point per <see cref="VectorKey"/> (id = UUIDv5 of the
/// key) with a dense vector "dense" and a BM25 sparse vector "bm25", fused by reciprocal rank when a query brings
/// both. Writes wait for Qdrant to apply them. Call <see cref="EnsureAsync"/> before anything else.
/// </summary>
/// <remarks>
/// The model the vectors come from is kept in a marker point without vectors (payload "raglegal_index"), not in
/// collection metadata: metadata arrived in Qdrant 1.16 and this index targets 1.13+. Qdrant's maintainers suggest
/// such a point for collection-wide facts (qdrant/qdrant#3957). Having no vectors, it is never a search hit; listing
/// and counting leave it out by id.
/// </remarks>
public sealed class QdrantVectorIndex : IVectorIndex
{
    private readonly QdrantConnection _connection;
    private readonly QdrantOptions _options;
    private readonly ILogger _logger;
    private readonly string _collectionPath;
    private VectorIndexShape? _shape;

    /// <param name="http">Not disposed by the index; its own timeout should exceed <see cref="QdrantOptions.Timeout"/>.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public QdrantVectorIndex(HttpClient http, QdrantOptions options, ILogger<QdrantVectorIndex>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = logger ?? NullLogger<QdrantVectorIndex>.Instance;
        _connection = new QdrantConnection(http, options, _logger);
        _collectionPath = "collections/" + Uri.EscapeDataString(options.Collection);
    }

    public string Store => "qdrant";

    public string Collection => _options.Collection;

    public async Task EnsureAsync(VectorIndexShape shape, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentOutOfRangeException.ThrowIfLessThan(shape.Dimensions, 1, nameof(shape));
        ArgumentException.ThrowIfNullOrWhiteSpace(shape.Model, nameof(shape));

        var dimensions = await ReadDimensionsAsync(cancellationToken).ConfigureAwait(false);
        if (dimensions is null)
        {
            try
            {
                await SendAsync(HttpMethod.Put, _collectionPath, QdrantBodies.CreateCollection(shape.Dimensions), cancellationToken).ConfigureAwait(false);
            }
            catch (QdrantRequestException exception) when (exception.StatusCode == HttpStatusCode.Conflict)
            {
                // Another process created it first: check what it made.
                await EnsureAsync(shape, cancellationToken).ConfigureAwait(false);
                return;
            }

            await CompleteAsync(shape, cancellationToken).ConfigureAwait(false);
            QdrantLog.Created(_logger, Collection, shape.Dimensions, shape.Model);
            return;
        }

        var stored = await ReadShapeMarkerAsync(cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            // Creation stopped before the marker was written: finish it if nothing was stored meanwhile.
            var count = await CountAsync(cancellationToken).ConfigureAwait(false);
            if (count > 0 || dimensions != shape.Dimensions)
            {
                throw new InvalidOperationException(
                    $"Qdrant collection '{Collection}' holds {count} points of {dimensions} dimensions but no record of their model; " +
                    $"this index needs {shape.Dimensions}-dimensional vectors of '{shape.Model}'. Drop the collection or configure another one.");
            }

            await CompleteAsync(shape, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (stored.Model != shape.Model || stored.Dimensions != shape.Dimensions || dimensions != shape.Dimensions)
        {
            throw new InvalidOperationException(
                $"Qdrant collection '{Collection}' holds {dimensions}-dimensional vectors of model '{stored.Model}', " +
                $"not {shape.Dimensions}-dimensional vectors of '{shape.Model}'. Re-embed into another collection or drop this one.");
        }

        _shape = shape;
    }

    public async Task UpsertAsync(IReadOnlyList<VectorPoint> points, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(points);
        foreach (var point in points)
        {
            Validate(point);
        }

        foreach (var batch in points.Chunk(_options.UpsertBatchSize))
        {
            await SendAsync(HttpMethod.Put, _collectionPath + "/points?wait=true", QdrantBodies.Upsert(batch), cancellationToken).ConfigureAwait(false);
            QdrantLog.Upserted(_logger, batch.Length, Collection);
        }
    }

    public async Task DeleteAsync(IReadOnlyCollection<VectorKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var batch in keys.Chunk(_options.UpsertBatchSize))
        {
            await SendAsync(HttpMethod.Post, _collectionPath + "/points/delete?wait=true", QdrantBodies.DeletePoints(batch), cancellationToken).ConfigureAwait(false);
        }
    }

    public Task DeleteActAsync(string actId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actId);
        return SendAsync(HttpMethod.Post, _collectionPath + "/points/delete?wait=true", QdrantBodies.DeleteAct(actId), cancellationToken);
    }

    public async IAsyncEnumerable<StoredVector> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? offset = null;
        do
        {
            var page = new List<StoredVector>(_options.PageSize);
            using (var answer = await RequestAsync(HttpMethod.Post, _collectionPath + "/points/scroll", QdrantBodies.Scroll(_options.PageSize, offset), cancellationToken).ConfigureAwait(false))
            {
                var result = answer.RootElement.GetProperty("result");
                foreach (var point in result.GetProperty("points").EnumerateArray())
                {
                    var payload = point.GetProperty("payload");
                    page.Add(new StoredVector(KeyOf(point, payload), Text(point, payload, QdrantPayload.ActId), Text(point, payload, QdrantPayload.ContentHash)));
                }

                offset = result.TryGetProperty("next_page_offset", out var next) && next.ValueKind != JsonValueKind.Null ? next.GetRawText() : null;
            }

            foreach (var stored in page)
            {
                yield return stored;
            }
        }
        while (offset is not null);
    }

    public async Task<IReadOnlyList<VectorHit>> SearchAsync(VectorQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(query.Filter, nameof(query));
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Top, 1, nameof(query));
        if (_shape is { } shape && query.Dense.Length != shape.Dimensions)
        {
            throw new ArgumentException($"The query vector has {query.Dense.Length} dimensions; collection '{Collection}' holds {shape.Dimensions}.", nameof(query));
        }

        if (query.Filter.ActIds is { Count: 0 })
        {
            return [];
        }

        var fused = query.Sparse is { Indices.Length: > 0 };
        var body = fused
            ? QdrantBodies.FusedQuery(query, query.Sparse!, _options.DepthFor(query.Top))
            : QdrantBodies.DenseQuery(query);
        using var answer = await RequestAsync(HttpMethod.Post, _collectionPath + "/points/query", body, cancellationToken).ConfigureAwait(false);
        var hits = new List<VectorHit>(query.Top);
        foreach (var point in answer.RootElement.GetProperty("result").GetProperty("points").EnumerateArray())
        {
            var payload = point.GetProperty("payload");
            hits.Add(new VectorHit(KeyOf(point, payload), Text(point, payload, QdrantPayload.ActId), point.GetProperty("score").GetDouble()));
        }

        QdrantLog.Searched(_logger, Collection, fused ? "dense+bm25 rrf" : "dense", query.Top, hits.Count);
        return hits;
    }

    public async Task<VectorIndexInfo> GetInfoAsync(CancellationToken cancellationToken)
    {
        if (await ReadDimensionsAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            return new VectorIndexInfo(Store, 0, null);
        }

        var count = await CountAsync(cancellationToken).ConfigureAwait(false);
        var shape = await ReadShapeMarkerAsync(cancellationToken).ConfigureAwait(false);
        return new VectorIndexInfo(Store, count, shape);
    }

    /// <summary>Deletes the collection with everything in it; nothing happens when it does not exist.</summary>
    public async Task DropAsync(CancellationToken cancellationToken)
    {
        using var answer = await _connection.SendAsync(HttpMethod.Delete, _collectionPath, null, cancellationToken, notFoundIsNull: true).ConfigureAwait(false);
        _shape = null;
    }

    /// <summary>Payload indexes, then the marker: a collection with a marker is complete.</summary>
    private async Task CompleteAsync(VectorIndexShape shape, CancellationToken cancellationToken)
    {
        foreach (var field in QdrantPayload.KeywordFields)
        {
            await SendAsync(HttpMethod.Put, _collectionPath + "/index?wait=true", QdrantBodies.KeywordIndex(field), cancellationToken).ConfigureAwait(false);
        }

        await SendAsync(HttpMethod.Put, _collectionPath + "/points?wait=true", QdrantBodies.ShapeMarker(shape), cancellationToken).ConfigureAwait(false);
        _shape = shape;
    }

    /// <summary>Size of the collection's dense vector; null when the collection does not exist.</summary>
    private async Task<int?> ReadDimensionsAsync(CancellationToken cancellationToken)
    {
        using var answer = await _connection.SendAsync(HttpMethod.Get, _collectionPath, null, cancellationToken, notFoundIsNull: true).ConfigureAwait(false);
        if (answer is null)
        {
            return null;
        }

        var parameters = answer.RootElement.GetProperty("result").GetProperty("config").GetProperty("params");
        if (!parameters.TryGetProperty("vectors", out var vectors) || vectors.ValueKind != JsonValueKind.Object
            || !vectors.TryGetProperty(QdrantBodies.DenseVector, out var dense)
            || !parameters.TryGetProperty("sparse_vectors", out var sparse) || sparse.ValueKind != JsonValueKind.Object
            || !sparse.TryGetProperty(QdrantBodies.SparseVector, out _))
        {
            throw new InvalidOperationException(
                $"Qdrant collection '{Collection}' was not made by RagLegal: it lacks the dense vector '{QdrantBodies.DenseVector}' " +
                $"or the sparse vector '{QdrantBodies.SparseVector}'. Configure another collection.");
        }

        return dense.GetProperty("size").GetInt32();
    }

    private async Task<VectorIndexShape?> ReadShapeMarkerAsync(CancellationToken cancellationToken)
    {
        using var answer = await RequestAsync(HttpMethod.Post, _collectionPath + "/points", QdrantBodies.RetrieveShapeMarker(), cancellationToken).ConfigureAwait(false);
        foreach (var point in answer.RootElement.GetProperty("result").EnumerateArray())
        {
            if (point.TryGetProperty("payload", out var payload) && payload.TryGetProperty(QdrantPayload.Shape, out var shape))
            {
                return new VectorIndexShape(shape.GetProperty("dimensions").GetInt32(), shape.GetProperty("model").GetString() ?? string.Empty);
            }
        }

        return null;
    }

    private async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        using var answer = await RequestAsync(HttpMethod.Post, _collectionPath + "/points/count", QdrantBodies.CountNorms(), cancellationToken).ConfigureAwait(false);
        return answer.RootElement.GetProperty("result").GetProperty("count").GetInt64();
    }

    private void Validate(VectorPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(point.Payload);
        if (point.Dense.IsEmpty || (_shape is { } shape && point.Dense.Length != shape.Dimensions))
        {
            throw new ArgumentException(
                $"Point {point.Key} has a {point.Dense.Length}-dimensional vector; collection '{Collection}' holds {_shape?.Dimensions.ToString(CultureInfo.InvariantCulture) ?? "non-empty"} ones.",
                nameof(point));
        }

        if (point.Sparse is { } sparse && sparse.Indices.Length != sparse.Values.Length)
        {
            throw new ArgumentException($"Point {point.Key} has {sparse.Indices.Length} sparse indices but {sparse.Values.Length} values.", nameof(point));
        }
    }

    private async Task SendAsync(HttpMethod method, string path, byte[] body, CancellationToken cancellationToken)
    {
        using var answer = await RequestAsync(method, path, body, cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonDocument> RequestAsync(HttpMethod method, string path, byte[] body, CancellationToken cancellationToken) =>
        (await _connection.SendAsync(method, path, body, cancellationToken).ConfigureAwait(false))!;

    private VectorKey KeyOf(JsonElement point, JsonElement payload)
    {
        var text = Text(point, payload, QdrantPayload.Key);
        try
        {
            return VectorKey.Parse(text);
        }
        catch (FormatException exception)
        {
            throw new InvalidDataException($"Qdrant point {point.GetProperty("id")} of collection '{Collection}' has a malformed key: {exception.Message}", exception);
        }
    }

    private string Text(JsonElement point, JsonElement payload, string field) =>
        payload.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new InvalidDataException($"Qdrant point {point.GetProperty("id")} of collection '{Collection}' has no '{field}' in its payload: it was not written by RagLegal.");
}
