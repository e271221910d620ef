using Assistant.Core.Acts;
using Assistant.Core.Norms;
using Assistant.Core.Vectors;
using Assistant.Storage.Qdrant;
using Grpc.Core;
using Qdrant.Client.Grpc;
using SparseVector = Assistant.Core.Vectors.SparseVector;

namespace Assistant.Storage.Tests.Qdrant;

/// <summary>
/// What the index asks of Qdrant through Qdrant.Client's real gRPC channel, in which order, and how it takes
/// statuses and failures: against <see cref="GrpcEndpoint"/>, which records the calls and gives the statuses and
/// acknowledgements each test queues. Search results are not made up here: the live behaviour tests check them.
/// </summary>
public sealed class QdrantVectorIndexCallTests : IAsyncLifetime
{
    private static readonly VectorIndexShape Shape = new(4, "test-model");

    private GrpcEndpoint _qdrant = null!;

    public async Task InitializeAsync() => _qdrant = await GrpcEndpoint.StartAsync();

    public async Task DisposeAsync() => await _qdrant.DisposeAsync();

    [Fact]
    public async Task Ensure_creates_a_missing_collection_then_its_keyword_indexes()
    {
        _qdrant.Fail(StatusCode.NotFound, "Not found: Collection `norms` doesn't exist!").Ok(CollectionCreated());
        for (var i = 0; i < QdrantPayload.KeywordFields.Length; i++)
        {
            _qdrant.Ok(Completed());
        }

        using var index = Index();
        await index.EnsureAsync(Shape, CancellationToken.None);

        var calls = _qdrant.Calls;
        Assert.Equal(
            ["/qdrant.Collections/Get", "/qdrant.Collections/Create", .. QdrantPayload.KeywordFields.Select(_ => "/qdrant.Points/CreateFieldIndex")],
            calls.Select(c => c.Method));
        Assert.Equal("norms", calls[0].As<GetCollectionInfoRequest>().CollectionName);
        QdrantMessages.AssertEqual("create-collection", calls[1].As<CreateCollection>());
        Assert.Equal(QdrantPayload.KeywordFields, calls.Skip(2).Select(c => c.As<CreateFieldIndexCollection>().FieldName));
    }

    [Fact]
    public async Task Ensure_accepts_a_complete_collection_of_the_same_model_without_writing()
    {
        _qdrant.Ok(Collection(4, "test-model"));

        using var index = Index();
        await index.EnsureAsync(Shape, CancellationToken.None);

        Assert.Equal(["/qdrant.Collections/Get"], _qdrant.Calls.Select(c => c.Method));
    }

    [Fact]
    public async Task Ensure_adds_the_payload_indexes_an_interrupted_creation_left_out()
    {
        _qdrant.Ok(Collection(4, "test-model", indexed: ["act_id", "language"])).Ok(Completed()).Ok(Completed()).Ok(Completed()).Ok(Completed());

        using var index = Index();
        await index.EnsureAsync(Shape, CancellationToken.None);

        Assert.Equal(["kind", "act_status", "norm_status", "edition"], _qdrant.Calls.Skip(1).Select(c => c.As<CreateFieldIndexCollection>().FieldName));
    }

    [Fact]
    public async Task Ensure_that_loses_a_creation_race_checks_the_collection_the_winner_made()
    {
        _qdrant.Fail(StatusCode.NotFound)
            .Fail(StatusCode.AlreadyExists, "Wrong input: Collection `norms` already exists!")
            .Ok(Collection(4, "test-model"));

        using var index = Index();
        await index.EnsureAsync(Shape, CancellationToken.None);

        Assert.Equal(["/qdrant.Collections/Get", "/qdrant.Collections/Create", "/qdrant.Collections/Get"], _qdrant.Calls.Select(c => c.Method));
    }

    [Fact]
    public async Task Ensure_refuses_a_collection_of_another_model_naming_both_and_the_collection()
    {
        _qdrant.Ok(Collection(4, "test-model"));

        using var index = Index();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => index.EnsureAsync(Shape with { Model = "other-model" }, CancellationToken.None));

        Assert.Contains("'test-model'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'other-model'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'norms'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ensure_refuses_a_collection_of_other_dimensions()
    {
        _qdrant.Ok(Collection(4, "test-model"));

        using var index = Index();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => index.EnsureAsync(Shape with { Dimensions = 8 }, CancellationToken.None));

        Assert.Contains("4-dimensional", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ensure_refuses_a_collection_that_has_no_record_of_its_model()
    {
        _qdrant.Ok(Collection(4, model: null));

        using var index = Index();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => index.EnsureAsync(Shape, CancellationToken.None));

        Assert.Contains("no record of their model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ensure_refuses_a_collection_without_the_sparse_vector()
    {
        var info = Collection(4, "test-model");
        info.Result.Config.Params.SparseVectorsConfig = null;
        _qdrant.Ok(info);

        using var index = Index();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => index.EnsureAsync(Shape, CancellationToken.None));

        Assert.Contains("not made by RagLegal", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upsert_sends_one_waiting_call_per_batch()
    {
        using var index = await EnsuredIndexAsync(Options() with { UpsertBatchSize = 2 });
        _qdrant.Ok(Completed()).Ok(Completed()).Ok(Completed());
        var points = Enumerable.Range(1, 5)
            .Select(article => QdrantRequestsTests.RussianArticle with { Key = new VectorKey(new NormId("K1500000414", $"{article}"), Language.Ru) })
            .ToList();

        await index.UpsertAsync(points, CancellationToken.None);

        var upserts = _qdrant.Calls.Select(c => c.As<UpsertPoints>()).ToList();
        Assert.Equal([2, 2, 1], upserts.Select(u => u.Points.Count));
        Assert.All(upserts, upsert => Assert.True(upsert.Wait));
        Assert.Equal(points.Select(p => QdrantPointIds.For(p.Key).ToString()), upserts.SelectMany(u => u.Points).Select(p => p.Id.Uuid));
    }

    [Fact]
    public async Task Upsert_refuses_a_vector_of_other_dimensions_before_sending_anything()
    {
        using var index = await EnsuredIndexAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => index.UpsertAsync([QdrantRequestsTests.KazakhArticle with { Dense = new float[] { 1, 0, 0 } }], CancellationToken.None));

        Assert.Contains("kk|K1500000414/art:88", error.Message, StringComparison.Ordinal);
        Assert.Empty(_qdrant.Calls);
    }

    [Fact]
    public async Task Upsert_refuses_a_negative_sparse_index_before_sending_anything()
    {
        using var index = await EnsuredIndexAsync();

        await Assert.ThrowsAsync<ArgumentException>(
            () => index.UpsertAsync([QdrantRequestsTests.RussianArticle with { Sparse = new SparseVector([-3], [1]) }], CancellationToken.None));

        Assert.Empty(_qdrant.Calls);
    }

    [Fact]
    public async Task Delete_of_no_keys_sends_nothing_and_of_some_sends_their_ids()
    {
        _qdrant.Ok(Completed());
        using var index = Index();

        await index.DeleteAsync([], CancellationToken.None);
        await index.DeleteAsync([QdrantRequestsTests.RussianArticle.Key, QdrantRequestsTests.KazakhArticle.Key], CancellationToken.None);

        var call = Assert.Single(_qdrant.Calls);
        Assert.Equal("/qdrant.Points/Delete", call.Method);
        QdrantMessages.AssertEqual("delete-points", call.As<DeletePoints>());
    }

    [Fact]
    public async Task List_scrolls_from_each_next_page_offset_until_there_is_none()
    {
        var next = QdrantPointIds.For(QdrantRequestsTests.KazakhArticle.Key);
        _qdrant.Ok(Page(next, QdrantRequestsTests.RussianArticle)).Ok(Page(null, QdrantRequestsTests.KazakhArticle));

        using var index = Index(Options() with { PageSize = 2 });
        var listed = new List<StoredVector>();
        await foreach (var stored in index.ListAsync(CancellationToken.None))
        {
            listed.Add(stored);
        }

        var scrolls = _qdrant.Calls.Select(c => c.As<ScrollPoints>()).ToList();
        Assert.Null(scrolls[0].Offset);
        QdrantMessages.AssertEqual("scroll-next", scrolls[1]);
        Assert.Equal(
            [
                new StoredVector(QdrantRequestsTests.RussianArticle.Key, "K1500000414", "h88ru"),
                new StoredVector(QdrantRequestsTests.KazakhArticle.Key, "K1500000414", "h88kk"),
            ],
            listed);
    }

    [Fact]
    public async Task List_reports_a_point_not_written_by_raglegal_naming_it_and_the_collection()
    {
        var page = new ScrollResponse();
        page.Result.Add(new RetrievedPoint { Id = Guid.Empty, Payload = { ["title"] = "something else" } });
        _qdrant.Ok(page);

        using var index = Index();
        var error = await Assert.ThrowsAsync<InvalidDataException>(async () =>
        {
            await foreach (var _ in index.ListAsync(CancellationToken.None))
            {
            }
        });

        Assert.Contains(Guid.Empty.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("'norms'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_with_a_sparse_vector_sends_the_fused_query()
    {
        _qdrant.Ok(new QueryResponse());
        using var index = Index();
        var query = new VectorQuery(QdrantRequestsTests.RussianArticle.Dense, 3, new VectorFilter { Language = Language.Kk }, new SparseVector([3, 17], [1, 1]));

        Assert.Empty(await index.SearchAsync(query, CancellationToken.None));

        var call = Assert.Single(_qdrant.Calls);
        Assert.Equal("/qdrant.Points/Query", call.Method);
        QdrantMessages.AssertEqual("query-fused", call.As<QueryPoints>());
    }

    [Fact]
    public async Task A_search_limited_to_no_acts_finds_nothing_without_asking()
    {
        using var index = Index();

        Assert.Empty(await index.SearchAsync(new VectorQuery(QdrantRequestsTests.RussianArticle.Dense, 3, new VectorFilter { ActIds = [] }), CancellationToken.None));
        Assert.Empty(_qdrant.Calls);
    }

    [Fact]
    public async Task Info_counts_exactly_and_reads_the_shape_from_the_collection()
    {
        _qdrant.Ok(Collection(4, "test-model")).Ok(new CountResponse { Result = new CountResult { Count = 3 } });

        using var index = Index();

        Assert.Equal(new VectorIndexInfo("qdrant", 3, Shape), await index.GetInfoAsync(CancellationToken.None));
        Assert.True(_qdrant.Calls[1].As<CountPoints>().Exact);
    }

    [Fact]
    public async Task Info_of_a_missing_collection_has_no_shape()
    {
        _qdrant.Fail(StatusCode.NotFound);

        using var index = Index();

        Assert.Equal(new VectorIndexInfo("qdrant", 0, null), await index.GetInfoAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Drop_deletes_the_collection_and_a_missing_one_is_no_error()
    {
        _qdrant.Ok(CollectionCreated()).Fail(StatusCode.NotFound);

        using var index = Index();
        await index.DropAsync(CancellationToken.None);
        await index.DropAsync(CancellationToken.None);

        Assert.Equal(["/qdrant.Collections/Delete", "/qdrant.Collections/Delete"], _qdrant.Calls.Select(c => c.Method));
        Assert.Equal("norms", _qdrant.Calls[0].As<DeleteCollection>().CollectionName);
    }

    [Fact]
    public async Task An_unavailable_server_is_retried_with_the_same_request_and_the_next_success_counts()
    {
        _qdrant.Fail(StatusCode.Unavailable).Ok(Completed());

        using var index = Index();
        await index.DeleteActAsync("K1500000414", CancellationToken.None);

        Assert.Equal(2, _qdrant.Calls.Count);
        Assert.Equal(_qdrant.Calls[0].Message, _qdrant.Calls[1].Message);
        QdrantMessages.AssertEqual("delete-act", _qdrant.Calls[1].As<DeletePoints>());
    }

    [Fact]
    public async Task Resource_exhausted_an_internal_error_and_an_attempt_past_its_deadline_are_retried()
    {
        _qdrant.Fail(StatusCode.ResourceExhausted).Fail(StatusCode.Internal, "Service internal error").Hang().Ok(Completed());

        using var index = Index(Options() with { Timeout = TimeSpan.FromSeconds(2) });
        await index.DeleteActAsync("K1500000414", CancellationToken.None);

        Assert.Equal(4, _qdrant.Calls.Count);
    }

    [Fact]
    public async Task An_invalid_request_is_not_retried_and_its_error_names_collection_operation_status_and_message()
    {
        _qdrant.Fail(StatusCode.InvalidArgument, "Wrong input: Vector dimension error: expected dim: 4, got 3").Ok(Completed());

        using var index = Index();
        var error = await Assert.ThrowsAsync<QdrantRequestException>(() => index.DeleteActAsync("K1500000414", CancellationToken.None));

        Assert.Single(_qdrant.Calls);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("norms", error.Collection);
        Assert.Equal("delete the points of an act", error.Operation);
        Assert.Equal("Wrong input: Vector dimension error: expected dim: 4, got 3", error.QdrantMessage);
        Assert.Contains("refused to delete the points of an act in collection 'norms'", error.Message, StringComparison.Ordinal);
        Assert.Contains("InvalidArgument", error.Message, StringComparison.Ordinal);
        Assert.Contains("expected dim: 4, got 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_the_last_retry_the_error_says_how_many_attempts_were_made()
    {
        _qdrant.Fail(StatusCode.Unavailable).Fail(StatusCode.Unavailable).Fail(StatusCode.Unavailable);

        using var index = Index(Options() with { RetryCount = 2 });
        var error = await Assert.ThrowsAsync<QdrantRequestException>(() => index.DeleteActAsync("K1500000414", CancellationToken.None));

        Assert.Equal(3, _qdrant.Calls.Count);
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("after 3 attempts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_is_reported_naming_collection_and_operation_after_the_retries()
    {
        await _qdrant.DisposeAsync();
        var url = _qdrant.Url;
        _qdrant = await GrpcEndpoint.StartAsync();

        using var index = Index(Options(url) with { RetryCount = 1 });
        var error = await Assert.ThrowsAsync<QdrantRequestException>(() => index.DeleteActAsync("K1500000414", CancellationToken.None));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("could not delete the points of an act in collection 'norms' after 2 attempts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_call_is_a_cancellation_not_a_qdrant_error()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _qdrant.Hang(arrived);
        using var cancellation = new CancellationTokenSource();

        using var index = Index(Options() with { Timeout = TimeSpan.FromMinutes(1) });
        var delete = index.DeleteActAsync("K1500000414", cancellation.Token);
        await arrived.Task;
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => delete);
        Assert.Single(_qdrant.Calls);
    }

    [Fact]
    public async Task The_api_key_goes_in_the_api_key_metadata_when_set()
    {
        _qdrant.Ok(Completed()).Ok(Completed());

        using (var keyed = Index(Options() with { ApiKey = "secret-key" }))
        {
            await keyed.DeleteActAsync("K1500000414", CancellationToken.None);
        }

        using (var open = Index())
        {
            await open.DeleteActAsync("K1500000414", CancellationToken.None);
        }

        Assert.Equal(["secret-key", null], _qdrant.Calls.Select(c => c.ApiKey));
    }

    private QdrantOptions Options(Uri? url = null) => new()
    {
        Url = url ?? _qdrant.Url,
        Collection = "norms",
        RetryDelay = TimeSpan.Zero,
    };

    private QdrantVectorIndex Index(QdrantOptions? options = null) => new(options ?? Options());

    private async Task<QdrantVectorIndex> EnsuredIndexAsync(QdrantOptions? options = null)
    {
        var index = Index(options);
        _qdrant.Ok(Collection(4, "test-model"));
        await index.EnsureAsync(Shape, CancellationToken.None);
        _qdrant.ForgetCalls();
        return index;
    }

    private static CollectionOperationResponse CollectionCreated() => new() { Result = true };

    private static PointsOperationResponse Completed() => new() { Result = new UpdateResult { Status = UpdateStatus.Completed } };

    /// <summary>A collection's description as Qdrant gives it for one RagLegal made.</summary>
    private static GetCollectionInfoResponse Collection(int dimensions, string? model, string[]? indexed = null)
    {
        var config = new CollectionConfig
        {
            Params = new CollectionParams
            {
                VectorsConfig = new VectorsConfig
                {
                    ParamsMap = new VectorParamsMap { Map = { ["dense"] = new VectorParams { Size = (ulong)dimensions, Distance = Distance.Cosine } } },
                },
                SparseVectorsConfig = new SparseVectorConfig { Map = { ["bm25"] = new SparseVectorParams { Modifier = Modifier.Idf } } },
            },
        };
        if (model is not null)
        {
            config.Metadata["raglegal_model"] = model;
        }

        var info = new CollectionInfo { Status = CollectionStatus.Green, Config = config };
        foreach (var field in indexed ?? QdrantPayload.KeywordFields)
        {
            info.PayloadSchema[field] = new PayloadSchemaInfo { DataType = PayloadSchemaType.Keyword };
        }

        return new GetCollectionInfoResponse { Result = info };
    }

    private static ScrollResponse Page(PointId? next, params VectorPoint[] points)
    {
        var page = new ScrollResponse();
        foreach (var point in points)
        {
            var written = QdrantRequests.Point(point);
            var retrieved = new RetrievedPoint { Id = written.Id };
            foreach (var field in QdrantPayload.ListFields)
            {
                retrieved.Payload[field] = written.Payload[field];
            }

            page.Result.Add(retrieved);
        }

        if (next is not null)
        {
            page.NextPageOffset = next;
        }

        return page;
    }
}
