using Assistant.Core.Vectors;
using Assistant.Storage.Qdrant;

namespace Assistant.Storage.Tests.Qdrant;

public class NameBasedUuidTests
{
    [Fact]
    public void Version5_matches_the_rfc_9562_example_for_www_example_com_in_the_dns_namespace()
    {
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), NameBasedUuid.Version5(dns, "www.example.com"));
    }

    [Fact]
    public void Version5_sets_the_version_and_variant_bits()
    {
        var text = NameBasedUuid.Version5(QdrantPointIds.Namespace, "ru|K1500000414/art:88").ToString();

        Assert.Equal('5', text[14]);
        Assert.Contains(text[19], "89ab");
    }

    [Fact]
    public void Point_ids_are_version5_of_the_key_text_in_the_project_namespace()
    {
        // Expected value from Python's uuid.uuid5, an implementation independent of this one.
        var key = VectorKey.Parse("ru|K1500000414/art:88");

        Assert.Equal(new Guid("47f67124-eff9-56f3-a3fc-59f68fe46994"), QdrantPointIds.For(key));
    }

    [Fact]
    public void The_project_namespace_is_version5_of_its_urn_in_the_url_namespace()
    {
        var url = new Guid("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

        Assert.Equal(QdrantPointIds.Namespace, NameBasedUuid.Version5(url, "urn:raglegal:vector-key"));
    }

    [Fact]
    public void Keys_of_the_same_norm_in_two_languages_get_different_ids()
    {
        Assert.NotEqual(
            QdrantPointIds.For(VectorKey.Parse("ru|K1500000414/art:88")),
            QdrantPointIds.For(VectorKey.Parse("kk|K1500000414/art:88")));
    }
}
