using Assistant.Storage.Catalog;

namespace Assistant.Storage.Tests.Catalog;

/// <summary>A catalog in its own temporary folder, deleted afterwards.</summary>
internal sealed class TemporaryCatalog : IDisposable
{
    private readonly int? _readers;
    private readonly LexicalIndexKind _lexicalIndex;

    public TemporaryCatalog(int? readers = null, LexicalIndexKind lexicalIndex = LexicalIndexKind.Fts5)
    {
        _readers = readers;
        _lexicalIndex = lexicalIndex;
        Folder = Path.Combine(Path.GetTempPath(), "raglegal-catalog-" + Guid.NewGuid().ToString("N"));
        FilePath = Path.Combine(Folder, "nested", "catalog.db");
        Catalog = LegalCatalog.Open(FilePath, readers: readers, lexicalIndex: lexicalIndex);
    }

    public string Folder { get; }

    public string FilePath { get; }

    public LegalCatalog Catalog { get; private set; }

    public LegalCatalog Reopen()
    {
        Catalog.Dispose();
        Catalog = LegalCatalog.Open(FilePath, readers: _readers, lexicalIndex: _lexicalIndex);
        return Catalog;
    }

    public void Dispose()
    {
        Catalog.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
