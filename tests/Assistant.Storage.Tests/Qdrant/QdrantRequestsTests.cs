using Assistant.Core.Acts;
using Assistant.Core.Norms;
using Assistant.Core.Vectors;
using Assistant.Storage.Qdrant;
using Qdrant.Client.Grpc;
using SparseVector = Assistant.Core.Vectors.SparseVector;

namespace Assistant.Storage.Tests.Qdrant;

/// <summary>The requests the index builds, against messages written by hand from Qdrant's protos.</summary>
public sealed class QdrantRequestsTests
{
    internal static readonly VectorPoint RussianArticle = new(
        new VectorKey(NormId.Parse("K1500000414/art:88"), Language.Ru),
        new VectorPayload("K1500000414", ActKind.Code, ActStatus.InForce, NormStatus.Active, "h88ru", "2024-03"),
        new float[] { 0.5f, 0.5f, 0.5f, 0.5f },
        new SparseVector([3, 17], [1.25f, 0.5f]));

    internal static readonly VectorPoint KazakhArticle = new(
        new VectorKey(NormId.Parse("K1500000414/art:88"), Language.Kk),
        new VectorPayload("K1500000414", ActKind.ConstitutionalLaw, ActStatus.Unknown, NormStatus.Excluded, "h88kk"),
        new float[] { 1, 0, 0, 0 });

    [Fact]
    public void A_collection_has_a_named_cosine_vector_an_idf_sparse_vector_and_the_model_in_its_metadata()
    {
        QdrantMessages.AssertEqual("create-collection", QdrantRequests.CreateCollection("norms", new VectorIndexShape(4, "test-model")));
    }

    [Fact]
    public void Payload_indexes_are_keyword_indexes_on_act_language_kind_statuses_and_edition_and_wait()
    {
        var requests = QdrantPayload.KeywordFields.Select(field => QdrantRequests.KeywordIndex("norms", field)).ToList();

        Assert.Equal(["act_id", "language", "kind", "act_status", "norm_status", "edition"], requests.Select(r => r.FieldName));
        Assert.All(requests, request =>
        {
            Assert.Equal("norms", request.CollectionName);
            Assert.Equal(FieldType.Keyword, request.FieldType);
            Assert.True(request.Wait);
        });
    }

    [Fact]
    public void Upsert_carries_uuid5_ids_named_dense_and_sparse_vectors_and_the_filter_payload_and_waits()
    {
        QdrantMessages.AssertEqual("upsert", QdrantRequests.Upsert("norms", [RussianArticle, KazakhArticle]));
    }

    [Fact]
    public void Upsert_leaves_out_an_empty_sparse_vector()
    {
        var point = QdrantRequests.Point(RussianArticle with { Sparse = new SparseVector([], []) });

        Assert.Equal(["dense"], point.Vectors.Vectors_.Vectors.Keys);
    }

    [Fact]
    public void Delete_selects_the_point_ids_of_the_keys()
    {
        QdrantMessages.AssertEqual("delete-points", QdrantRequests.Delete("norms", [RussianArticle.Key, KazakhArticle.Key]));
    }

    [Fact]
    public void Delete_act_selects_by_a_keyword_match_on_act_id()
    {
        QdrantMessages.AssertEqual("delete-act", QdrantRequests.DeleteAct("norms", "K1500000414"));
    }

    [Fact]
    public void Scroll_asks_for_key_act_and_hash_without_vectors_from_the_offset_given()
    {
        QdrantMessages.AssertEqual("scroll-next", QdrantRequests.Scroll("norms", 2, QdrantPointIds.For(KazakhArticle.Key)));
        Assert.Null(QdrantRequests.Scroll("norms", 2, null).Offset);
    }

    [Fact]
    public void Count_is_exact()
    {
        var count = QdrantRequests.Count("norms");

        Assert.True(count.Exact);
        Assert.Null(count.Filter);
    }

    [Fact]
    public void A_dense_query_uses_the_dense_vector_with_every_filter_as_must_conditions()
    {
        var filter = new VectorFilter
        {
            Language = Language.Ru,
            ActIds = ["K1500000414", "Z950001000_"],
            Kind = ActKind.Code,
            InForceOnly = true,
        };

        QdrantMessages.AssertEqual("query-dense", QdrantRequests.DenseQuery("norms", new VectorQuery(RussianArticle.Dense, 3, filter)));
    }

    [Fact]
    public void A_fused_query_prefetches_dense_and_sparse_candidates_and_fuses_them_by_rrf_in_qdrant()
    {
        var query = new VectorQuery(RussianArticle.Dense, 3, new VectorFilter { Language = Language.Kk }, new SparseVector([3, 17], [1, 1]));

        QdrantMessages.AssertEqual("query-fused", QdrantRequests.FusedQuery("norms", query, query.Sparse!, 50));
    }

    [Fact]
    public void A_query_without_a_filter_sends_none()
    {
        var query = new VectorQuery(RussianArticle.Dense, 3, VectorFilter.None, new SparseVector([3], [1]));

        var fused = QdrantRequests.FusedQuery("norms", query, query.Sparse!, 50);

        Assert.Null(QdrantRequests.DenseQuery("norms", query).Filter);
        Assert.Null(fused.Filter);
        Assert.All(fused.Prefetch, prefetch => Assert.Null(prefetch.Filter));
    }

    [Theory]
    [InlineData(10, null, 50)]
    [InlineData(20, null, 80)]
    [InlineData(5, 30, 30)]
    [InlineData(40, 30, 40)]
    public void Fusion_depth_is_the_option_or_max_of_50_and_4_times_top_and_never_below_top(int top, int? option, int depth)
    {
        Assert.Equal(depth, new QdrantOptions { FusionDepth = option }.DepthFor(top));
    }

    [Theory]
    [InlineData("ftp://qdrant.test:6334", "norms", "Url")]
    [InlineData("http://qdrant.test:6334/qdrant", "norms", "Url")]
    [InlineData("http://qdrant.test:6333", "norms", "Url")]
    [InlineData("http://qdrant.test:6334", "norms/../x", "Collection")]
    [InlineData("http://qdrant.test:6334", "", "Collection")]
    public void Bad_options_are_refused_naming_the_setting(string url, string collection, string setting)
    {
        var options = new QdrantOptions { Url = new Uri(url), Collection = collection };

        var error = Assert.ThrowsAny<ArgumentException>(options.Validate);

        Assert.Contains($"Vectors:Qdrant:{setting}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_endpoint_is_qdrant_grpc_port_on_localhost()
    {
        Assert.Equal(new Uri("http://localhost:6334"), new QdrantOptions().Url);
    }
}
