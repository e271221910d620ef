using System.Globalization;
using System.Runtime.CompilerServices;
using Assistant.Core.Vectors;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Qdrant.Client.Grpc;

namespace Assistant.Storage.Qdrant;

/// <summary>
/// Norm vectors in a Qdrant collection, over its gRPC API (Qdrant.Client): one point per <see cref="VectorKey"/>
/// (id = UUIDv5 of the key) with a dense vector "dense" and a BM25 sparse vector "bm25", fused by Qdrant's reciprocal
/// rank fusion when a query brings both. The model is kept in the collection's metadata. Writes wait for Qdrant to
/// apply them. Call <see cref="EnsureAsync"/> before anything else.
/// </summary>
public sealed class QdrantVectorIndex : IVectorIndex, IDisposable
{
    private readonly QdrantGrpcClient _client;
    private readonly QdrantCalls _calls;
    private readonly QdrantOptions _options;
    private readonly ILogger _logger;
    private VectorIndexShape? _shape;

    /// <summary>Connects lazily: nothing is sent before the first call.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public QdrantVectorIndex(QdrantOptions options, ILogger<QdrantVectorIndex>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = logger ?? NullLogger<QdrantVectorIndex>.Instance;
        _calls = new QdrantCalls(options, _logger);
        _client = new QdrantGrpcClient(options.Url, options.ApiKey);
    }

    public string Store => "qdrant";

    public string Collection => _options.Collection;

    public async Task EnsureAsync(VectorIndexShape shape, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentOutOfRangeException.ThrowIfLessThan(shape.Dimensions, 1, nameof(shape));
        ArgumentException.ThrowIfNullOrWhiteSpace(shape.Model, nameof(shape));

        var info = await ReadCollectionAsync(cancellationToken).ConfigureAwait(false);
        if (info is null)
        {
            try
            {
                await _calls.CallAsync(
                    "create the collection",
                    options => _client.Collections.CreateAsync(QdrantRequests.CreateCollection(Collection, shape), options),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (QdrantRequestException exception) when (exception.StatusCode == StatusCode.AlreadyExists)
            {
                // Another process created it first: check what it made.
                await EnsureAsync(shape, cancellationToken).ConfigureAwait(false);
                return;
            }

            await IndexPayloadAsync(null, cancellationToken).ConfigureAwait(false);
            QdrantLog.Created(_logger, Collection, shape.Dimensions, shape.Model);
            _shape = shape;
            return;
        }

        var stored = ShapeOf(info);
        if (stored != shape)
        {
            throw new InvalidOperationException(
                $"Qdrant collection '{Collection}' holds {stored.Dimensions}-dimensional vectors of model '{stored.Model}', " +
                $"not {shape.Dimensions}-dimensional vectors of '{shape.Model}'. Re-embed into another collection or drop this one.");
        }

        // A creation that stopped before its payload indexes were all made is finished here.
        await IndexPayloadAsync(info, cancellationToken).ConfigureAwait(false);
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
            var request = QdrantRequests.Upsert(Collection, batch);
            await _calls.CallAsync("upsert points", options => _client.Points.UpsertAsync(request, options), cancellationToken).ConfigureAwait(false);
            QdrantLog.Upserted(_logger, batch.Length, Collection);
        }
    }

    public async Task DeleteAsync(IReadOnlyCollection<VectorKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var batch in keys.Chunk(_options.UpsertBatchSize))
        {
            var request = QdrantRequests.Delete(Collection, batch);
            await _calls.CallAsync("delete points", options => _client.Points.DeleteAsync(request, options), cancellationToken).ConfigureAwait(false);
        }
    }

    public Task DeleteActAsync(string actId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actId);
        var request = QdrantRequests.DeleteAct(Collection, actId);
        return _calls.CallAsync("delete the points of an act", options => _client.Points.DeleteAsync(request, options), cancellationToken);
    }

    public async IAsyncEnumerable<StoredVector> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        PointId? offset = null;
        do
        {
            var request = QdrantRequests.Scroll(Collection, _options.PageSize, offset);
            var page = await _calls.CallAsync("scroll points", options => _client.Points.ScrollAsync(request, options), cancellationToken).ConfigureAwait(false);
            foreach (var point in page.Result)
            {
                yield return new StoredVector(
                    QdrantPayload.KeyOf(point.Payload, point.Id, Collection),
                    QdrantPayload.Text(point.Payload, QdrantPayload.ActId, point.Id, Collection),
                    QdrantPayload.Text(point.Payload, QdrantPayload.ContentHash, point.Id, Collection));
            }

            offset = page.NextPageOffset;
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
        var request = fused
            ? QdrantRequests.FusedQuery(Collection, query, query.Sparse!, _options.DepthFor(query.Top))
            : QdrantRequests.DenseQuery(Collection, query);
        var answer = await _calls.CallAsync("query points", options => _client.Points.QueryAsync(request, options), cancellationToken).ConfigureAwait(false);
        var hits = new List<VectorHit>(answer.Result.Count);
        foreach (var point in answer.Result)
        {
            hits.Add(new VectorHit(
                QdrantPayload.KeyOf(point.Payload, point.Id, Collection),
                QdrantPayload.Text(point.Payload, QdrantPayload.ActId, point.Id, Collection),
                point.Score));
        }

        QdrantLog.Searched(_logger, Collection, fused ? "dense+bm25 rrf" : "dense", query.Top, hits.Count);
        return hits;
    }

    public async Task<VectorIndexInfo> GetInfoAsync(CancellationToken cancellationToken)
    {
        if (await ReadCollectionAsync(cancellationToken).ConfigureAwait(false) is not { } info)
        {
            return new VectorIndexInfo(Store, 0, null);
        }

        var request = QdrantRequests.Count(Collection);
        var count = await _calls.CallAsync("count points", options => _client.Points.CountAsync(request, options), cancellationToken).ConfigureAwait(false);
        return new VectorIndexInfo(Store, (long)count.Result.Count, ShapeOf(info));
    }

    /// <summary>Deletes the collection with everything in it; nothing happens when it does not exist.</summary>
    public async Task DropAsync(CancellationToken cancellationToken)
    {
        var request = new DeleteCollection { CollectionName = Collection };
        try
        {
            await _calls.CallAsync("drop the collection", options => _client.Collections.DeleteAsync(request, options), cancellationToken).ConfigureAwait(false);
        }
        catch (QdrantRequestException exception) when (exception.StatusCode == StatusCode.NotFound)
        {
            // Already gone.
        }

        _shape = null;
    }

    public void Dispose() => _client.Dispose();

    /// <summary>Keyword indexes for the fields filters name, those the collection lacks.</summary>
    private async Task IndexPayloadAsync(CollectionInfo? info, CancellationToken cancellationToken)
    {
        foreach (var field in QdrantPayload.KeywordFields)
        {
            if (info is not null && info.PayloadSchema.ContainsKey(field))
            {
                continue;
            }

            var request = QdrantRequests.KeywordIndex(Collection, field);
            await _calls.CallAsync($"index payload field '{field}'", options => _client.Points.CreateFieldIndexAsync(request, options), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The collection's description; null when it does not exist.</summary>
    private async Task<CollectionInfo?> ReadCollectionAsync(CancellationToken cancellationToken)
    {
        var request = new GetCollectionInfoRequest { CollectionName = Collection };
        try
        {
            var answer = await _calls.CallAsync("read the collection", options => _client.Collections.GetAsync(request, options), cancellationToken).ConfigureAwait(false);
            return answer.Result;
        }
        catch (QdrantRequestException exception) when (exception.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }

    /// <exception cref="InvalidOperationException">The collection lacks RagLegal's vectors or its model record.</exception>
    private VectorIndexShape ShapeOf(CollectionInfo info)
    {
        var parameters = info.Config.Params;
        if (parameters.VectorsConfig?.ParamsMap?.Map.TryGetValue(QdrantRequests.DenseName, out var dense) != true
            || parameters.SparseVectorsConfig?.Map.ContainsKey(QdrantRequests.SparseName) != true)
        {
            throw new InvalidOperationException(
                $"Qdrant collection '{Collection}' was not made by RagLegal: it lacks the dense vector '{QdrantRequests.DenseName}' " +
                $"or the sparse vector '{QdrantRequests.SparseName}'. Configure another collection.");
        }

        if (!info.Config.Metadata.TryGetValue(QdrantPayload.ModelMetadata, out var model) || model.KindCase != Value.KindOneofCase.StringValue)
        {
            throw new InvalidOperationException(
                $"Qdrant collection '{Collection}' holds {dense!.Size}-dimensional vectors but no record of their model " +
                $"(metadata '{QdrantPayload.ModelMetadata}'). Drop the collection or configure another one.");
        }

        return new VectorIndexShape((int)dense!.Size, model.StringValue);
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

        if (point.Sparse is { } sparse && (sparse.Indices.Length != sparse.Values.Length || sparse.Indices.Any(index => index < 0)))
        {
            throw new ArgumentException(
                $"Point {point.Key} has {sparse.Indices.Length} sparse indices and {sparse.Values.Length} values; they must pair up, and indices must not be negative.",
                nameof(point));
        }
    }
}
