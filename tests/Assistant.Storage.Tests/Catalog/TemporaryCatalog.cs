using Assistant.Storage.Catalog;

namespace Assistant.Storage.Tests.Catalog;

/// <summary>A catalog in its own temporary folder, deleted afterwards.</summary>
internal sealed class TemporaryCatalog : IDisposable
{
    private readonly int? _readers;

    public TemporaryCatalog(int? readers = null)
    {
        _readers = readers;
        Folder = Path.Combine(Path.GetTempPath(), "raglegal-catalog-" + Guid.NewGuid().ToString("N"));
        FilePath = Path.Combine(Folder, "nested", "catalog.db");
        Catalog = LegalCatalog.Open(FilePath, readers: readers);
    }

    public string Folder { get; }

    public string FilePath { get; }

    public LegalCatalog Catalog { get; private set; }

    public LegalCatalog Reopen()
    {
        Catalog.Dispose();
        Catalog = LegalCatalog.Open(FilePath, readers: _readers);
        return Catalog;
    }

    public void Dispose()
    {
        Catalog.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
