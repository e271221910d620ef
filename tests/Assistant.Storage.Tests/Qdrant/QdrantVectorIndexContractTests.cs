using System.Net;
using Assistant.Core.Acts;
using Assistant.Core.Norms;
using Assistant.Core.Vectors;
using Assistant.Storage.Qdrant;

namespace Assistant.Storage.Tests.Qdrant;

/// <summary>What the index sends to Qdrant and how it reads the answers, against Qdrant's documented REST schema.</summary>
public sealed class QdrantVectorIndexContractTests : IDisposable
{
    private static readonly VectorIndexShape Shape = new(4, "test-model");

    private static readonly QdrantOptions Options = new()
    {
        Url = new Uri("http://qdrant.test:6333"),
        Collection = "norms",
        RetryDelay = TimeSpan.Zero,
        PageSize = 2,
    };

    private static readonly VectorPoint RussianArticle = new(
        new VectorKey(NormId.Parse("K1500000414/art:88"), Language.Ru),
        new VectorPayload("K1500000414", ActKind.Code, ActStatus.InForce, NormStatus.Active, "h88ru"),
        new float[] { 0.5f, 0.5f, 0.5f, 0.5f },
        new SparseVector([3, 17], [1.25f, 0.5f]));

    private static readonly VectorPoint KazakhArticle = new(
        new VectorKey(NormId.Parse("K1500000414/art:88"), Language.Kk),
        new VectorPayload("K1500000414", ActKind.ConstitutionalLaw, ActStatus.Unknown, NormStatus.Excluded, "h88kk"),
        new float[] { 1, 0, 0, 0 });

    private readonly RecordingHandler _qdrant = new();
    private readonly HttpClient _http;

    public QdrantVectorIndexContractTests()
    {
        _http = new HttpClient(_qdrant);
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Ensure_creates_a_missing_collection_with_dense_and_idf_sparse_vectors_keyword_indexes_and_the_model_marker()
    {
        _qdrant.Answer(HttpStatusCode.NotFound, "not-found.response").Ok("created.response");
        for (var i = 0; i < 7; i++)
        {
            _qdrant.Ok("update.response");
        }

        await Index().EnsureAsync(Shape, CancellationToken.None);

        Assert.Equal(
            [
                "GET /collections/norms",
                "PUT /collections/norms",
                "PUT /collections/norms/index?wait=true",
                "PUT /collections/norms/index?wait=true",
                "PUT /collections/norms/index?wait=true",
                "PUT /collections/norms/index?wait=true",
                "PUT /collections/norms/index?wait=true",
                "PUT /collections/norms/index?wait=true",
                "PUT /collections/norms/points?wait=true",
            ],
            _qdrant.Requests.Select(r => r.Line));
        QdrantFixtures.AssertBody("create-collection.request", _qdrant.Requests[1].Body);
        Assert.Equal("application/json", _qdrant.Requests[1].ContentType);
        QdrantFixtures.AssertBody("keyword-index.request", _qdrant.Requests[3].Body);
        Assert.Equal(
            ["key", "act_id", "kind", "act_status", "norm_status", "language"],
            _qdrant.Requests.Skip(2).Take(6).Select(r => System.Text.Json.JsonDocument.Parse(r.Body!).RootElement.GetProperty("field_name").GetString()));
        QdrantFixtures.AssertBody("shape-marker.request", _qdrant.Requests[^1].Body);
    }

    [Fact]
    public async Task Ensure_accepts_an_existing_collection_of_the_same_model_without_writing()
    {
        _qdrant.Ok("collection-info.response").Ok("retrieve-marker.response");

        await Index().EnsureAsync(Shape, CancellationToken.None);

        Assert.Equal(["GET /collections/norms", "POST /collections/norms/points"], _qdrant.Requests.Select(r => r.Line));
        QdrantFixtures.AssertBody("retrieve-marker.request", _qdrant.Requests[1].Body);
    }

    [Fact]
    public async Task Ensure_that_loses_a_creation_race_checks_the_collection_the_winner_made()
    {
        _qdrant.Answer(HttpStatusCode.NotFound, "not-found.response")
            .Answer(HttpStatusCode.Conflict, "conflict.response")
            .Ok("collection-info.response")
            .Ok("retrieve-marker.response");

        await Index().EnsureAsync(Shape, CancellationToken.None);

        Assert.Equal(
            ["GET /collections/norms", "PUT /collections/norms", "GET /collections/norms", "POST /collections/norms/points"],
            _qdrant.Requests.Select(r => r.Line));
    }

    [Fact]
    public async Task Ensure_refuses_a_collection_of_another_model_naming_both()
    {
        _qdrant.Ok("collection-info.response").Ok("retrieve-marker.response");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Index().EnsureAsync(Shape with { Model = "other-model" }, CancellationToken.None));

        Assert.Contains("'test-model'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'other-model'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'norms'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ensure_refuses_a_collection_of_other_dimensions()
    {
        _qdrant.Ok("collection-info.response").Ok("retrieve-marker.response");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Index().EnsureAsync(Shape with { Dimensions = 8 }, CancellationToken.None));

        Assert.Contains("4-dimensional", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ensure_refuses_a_filled_collection_that_has_no_model_marker()
    {
        _qdrant.Ok("collection-info.response").Ok("retrieve-none.response").Ok("count.response");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Index().EnsureAsync(Shape, CancellationToken.None));

        Assert.Contains("no record of their model", error.Message, StringComparison.Ordinal);
        QdrantFixtures.AssertBody("count.request", _qdrant.Requests[2].Body);
    }

    [Fact]
    public async Task Upsert_writes_named_dense_and_sparse_vectors_with_the_filter_payload_and_waits()
    {
        var index = await EnsuredIndexAsync();
        _qdrant.Ok("update.response");

        await index.UpsertAsync([RussianArticle, KazakhArticle], CancellationToken.None);

        var request = Assert.Single(_qdrant.Requests);
        Assert.Equal("PUT /collections/norms/points?wait=true", request.Line);
        QdrantFixtures.AssertBody("upsert.request", request.Body);
    }

    [Fact]
    public async Task Upsert_sends_one_request_per_batch()
    {
        var index = await EnsuredIndexAsync(Options with { UpsertBatchSize = 2 });
        _qdrant.Ok("update.response").Ok("update.response").Ok("update.response");
        var points = Enumerable.Range(1, 5)
            .Select(article => RussianArticle with { Key = new VectorKey(new NormId("K1500000414", $"{article}"), Language.Ru) })
            .ToList();

        await index.UpsertAsync(points, CancellationToken.None);

        Assert.Equal([2, 2, 1], _qdrant.Requests.Select(r => System.Text.Json.JsonDocument.Parse(r.Body!).RootElement.GetProperty("points").GetArrayLength()));
    }

    [Fact]
    public async Task Upsert_refuses_a_vector_of_other_dimensions_before_sending_anything()
    {
        var index = await EnsuredIndexAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => index.UpsertAsync([KazakhArticle with { Dense = new float[] { 1, 0, 0 } }], CancellationToken.None));

        Assert.Contains("kk|K1500000414/art:88", error.Message, StringComparison.Ordinal);
        Assert.Empty(_qdrant.Requests);
    }

    [Fact]
    public async Task Delete_sends_the_point_ids_of_the_keys()
    {
        _qdrant.Ok("update.response");

        await Index().DeleteAsync([RussianArticle.Key, KazakhArticle.Key], CancellationToken.None);

        var request = Assert.Single(_qdrant.Requests);
        Assert.Equal("POST /collections/norms/points/delete?wait=true", request.Line);
        QdrantFixtures.AssertBody("delete-points.request", request.Body);
    }

    [Fact]
    public async Task Delete_of_no_keys_sends_nothing()
    {
        await Index().DeleteAsync([], CancellationToken.None);

        Assert.Empty(_qdrant.Requests);
    }

    [Fact]
    public async Task Delete_act_deletes_by_a_filter_on_act_id()
    {
        _qdrant.Ok("update.response");

        await Index().DeleteActAsync("K1500000414", CancellationToken.None);

        var request = Assert.Single(_qdrant.Requests);
        Assert.Equal("POST /collections/norms/points/delete?wait=true", request.Line);
        QdrantFixtures.AssertBody("delete-act.request", request.Body);
    }

    [Fact]
    public async Task List_scrolls_page_by_page_from_each_next_page_offset_without_vectors_or_the_marker()
    {
        _qdrant.Ok("scroll-page1.response").Ok("scroll-page2.response");

        var listed = new List<StoredVector>();
        await foreach (var stored in Index().ListAsync(CancellationToken.None))
        {
            listed.Add(stored);
        }

        Assert.Equal(["POST /collections/norms/points/scroll", "POST /collections/norms/points/scroll"], _qdrant.Requests.Select(r => r.Line));
        QdrantFixtures.AssertBody("scroll-first.request", _qdrant.Requests[0].Body);
        QdrantFixtures.AssertBody("scroll-next.request", _qdrant.Requests[1].Body);
        Assert.Equal(
            [
                new StoredVector(RussianArticle.Key, "K1500000414", "h88ru"),
                new StoredVector(KazakhArticle.Key, "K1500000414", "h88kk"),
                new StoredVector(VectorKey.Parse("ru|K1500000414/art:89"), "K1500000414", "h89ru"),
            ],
            listed);
    }

    [Fact]
    public async Task Search_without_a_sparse_vector_queries_the_dense_vector_with_every_filter()
    {
        _qdrant.Ok("query.response");
        var filter = new VectorFilter
        {
            Language = Language.Ru,
            ActIds = ["K1500000414", "Z950001000_"],
            Kind = ActKind.Code,
            InForceOnly = true,
        };

        var hits = await Index().SearchAsync(new VectorQuery(RussianArticle.Dense, 3, filter), CancellationToken.None);

        var request = Assert.Single(_qdrant.Requests);
        Assert.Equal("POST /collections/norms/points/query", request.Line);
        QdrantFixtures.AssertBody("query-dense.request", request.Body);
        Assert.Equal(
            [
                new VectorHit(RussianArticle.Key, "K1500000414", 0.8712),
                new VectorHit(VectorKey.Parse("ru|Z950001000_/art:1"), "Z950001000_", 0.4025),
            ],
            hits);
    }

    [Fact]
    public async Task Search_with_a_sparse_vector_fuses_dense_and_sparse_prefetches_by_rrf()
    {
        _qdrant.Ok("query.response");
        var query = new VectorQuery(RussianArticle.Dense, 3, new VectorFilter { Language = Language.Kk }, new SparseVector([3, 17], [1, 1]));

        var hits = await Index().SearchAsync(query, CancellationToken.None);

        QdrantFixtures.AssertBody("query-fused.request", Assert.Single(_qdrant.Requests).Body);
        Assert.Equal(2, hits.Count);
    }

    [Theory]
    [InlineData(10, null, 50)]
    [InlineData(20, null, 80)]
    [InlineData(5, 30, 30)]
    [InlineData(40, 30, 40)]
    public async Task Fusion_depth_is_the_option_or_max_of_50_and_4_times_top_and_never_below_top(int top, int? option, int depth)
    {
        _qdrant.Ok("query.response");
        var query = new VectorQuery(RussianArticle.Dense, top, VectorFilter.None, new SparseVector([3], [1]));

        await Index(Options with { FusionDepth = option }).SearchAsync(query, CancellationToken.None);

        var prefetch = System.Text.Json.JsonDocument.Parse(_qdrant.Requests[0].Body!).RootElement.GetProperty("prefetch");
        Assert.All(prefetch.EnumerateArray(), p => Assert.Equal(depth, p.GetProperty("limit").GetInt32()));
    }

    [Fact]
    public async Task Search_without_a_filter_sends_none()
    {
        _qdrant.Ok("query.response");

        await Index().SearchAsync(new VectorQuery(RussianArticle.Dense, 3, VectorFilter.None), CancellationToken.None);

        Assert.False(System.Text.Json.JsonDocument.Parse(_qdrant.Requests[0].Body!).RootElement.TryGetProperty("filter", out _));
    }

    [Fact]
    public async Task Search_limited_to_no_acts_finds_nothing_without_asking()
    {
        var hits = await Index().SearchAsync(new VectorQuery(RussianArticle.Dense, 3, new VectorFilter { ActIds = [] }), CancellationToken.None);

        Assert.Empty(hits);
        Assert.Empty(_qdrant.Requests);
    }

    [Fact]
    public async Task Info_counts_norm_points_and_reads_the_model_from_the_marker()
    {
        _qdrant.Ok("collection-info.response").Ok("count.response").Ok("retrieve-marker.response");

        var info = await Index().GetInfoAsync(CancellationToken.None);

        Assert.Equal(new VectorIndexInfo("qdrant", 3, Shape), info);
        QdrantFixtures.AssertBody("count.request", _qdrant.Requests[1].Body);
    }

    [Fact]
    public async Task Info_of_a_missing_collection_has_no_shape()
    {
        _qdrant.Answer(HttpStatusCode.NotFound, "not-found.response");

        Assert.Equal(new VectorIndexInfo("qdrant", 0, null), await Index().GetInfoAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_503_is_retried_and_the_next_success_counts()
    {
        _qdrant.Answer(HttpStatusCode.ServiceUnavailable).Ok("update.response");

        await Index().DeleteActAsync("K1500000414", CancellationToken.None);

        Assert.Equal(2, _qdrant.Requests.Count);
        Assert.Equal(_qdrant.Requests[0].Body, _qdrant.Requests[1].Body);
    }

    [Fact]
    public async Task A_429_a_connection_failure_and_a_timed_out_attempt_are_retried()
    {
        _qdrant.Answer(HttpStatusCode.TooManyRequests)
            .Fail(new HttpRequestException("Connection refused"))
            .Hang()
            .Ok("update.response");

        await Index(Options with { Timeout = TimeSpan.FromMilliseconds(50) }).DeleteActAsync("K1500000414", CancellationToken.None);

        Assert.Equal(4, _qdrant.Requests.Count);
    }

    [Fact]
    public async Task A_400_is_not_retried_and_its_error_names_status_message_and_path()
    {
        _qdrant.Answer(HttpStatusCode.BadRequest, "dimension-error.response").Ok("update.response");

        var error = await Assert.ThrowsAsync<QdrantRequestException>(() => Index().DeleteActAsync("K1500000414", CancellationToken.None));

        Assert.Single(_qdrant.Requests);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("Wrong input: Vector dimension error: expected dim: 4, got 3", error.QdrantMessage);
        Assert.Equal("/collections/norms/points/delete?wait=true", error.Path);
        Assert.Contains("400", error.Message, StringComparison.Ordinal);
        Assert.Contains("POST /collections/norms/points/delete?wait=true", error.Message, StringComparison.Ordinal);
        Assert.Contains("expected dim: 4, got 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_the_last_retry_the_server_error_is_reported()
    {
        _qdrant.Answer(HttpStatusCode.BadGateway).Answer(HttpStatusCode.BadGateway).Answer(HttpStatusCode.BadGateway);

        var error = await Assert.ThrowsAsync<QdrantRequestException>(
            () => Index(Options with { RetryCount = 2 }).DeleteActAsync("K1500000414", CancellationToken.None));

        Assert.Equal(3, _qdrant.Requests.Count);
        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
    }

    [Fact]
    public async Task An_unreachable_server_is_reported_with_the_path_after_the_retries()
    {
        _qdrant.Fail(new HttpRequestException("Connection refused")).Fail(new HttpRequestException("Connection refused"));

        var error = await Assert.ThrowsAsync<QdrantRequestException>(
            () => Index(Options with { RetryCount = 1 }).DeleteActAsync("K1500000414", CancellationToken.None));

        Assert.Null(error.StatusCode);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Contains("/collections/norms/points/delete?wait=true", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_key_goes_in_the_api_key_header_when_set()
    {
        _qdrant.Ok("update.response").Ok("update.response");

        await Index(Options with { ApiKey = "secret-key" }).DeleteActAsync("K1500000414", CancellationToken.None);
        await Index().DeleteActAsync("K1500000414", CancellationToken.None);

        Assert.Equal(["secret-key", null], _qdrant.Requests.Select(r => r.ApiKey));
    }

    [Fact]
    public async Task A_base_url_with_a_path_prefix_keeps_it()
    {
        _qdrant.Ok("update.response");

        await Index(Options with { Url = new Uri("http://gateway.test/qdrant") }).DeleteActAsync("K1500000414", CancellationToken.None);

        Assert.Equal("POST /qdrant/collections/norms/points/delete?wait=true", _qdrant.Requests[0].Line);
    }

    [Theory]
    [InlineData("ftp://qdrant.test", "norms", "Url")]
    [InlineData("http://qdrant.test", "norms/../x", "Collection")]
    [InlineData("http://qdrant.test", "", "Collection")]
    public void Bad_options_are_refused_naming_the_setting(string url, string collection, string setting)
    {
        var error = Assert.ThrowsAny<ArgumentException>(
            () => Index(Options with { Url = new Uri(url), Collection = collection }));

        Assert.Contains($"Vectors:Qdrant:{setting}", error.Message, StringComparison.Ordinal);
    }

    private QdrantVectorIndex Index(QdrantOptions? options = null) => new(_http, options ?? Options);

    private async Task<QdrantVectorIndex> EnsuredIndexAsync(QdrantOptions? options = null)
    {
        var index = Index(options);
        _qdrant.Ok("collection-info.response").Ok("retrieve-marker.response");
        await index.EnsureAsync(Shape, CancellationToken.None);
        _qdrant.Requests.Clear();
        return index;
    }
}
