using Assistant.Core.Adilet;
using Assistant.Storage.Catalog;
using Assistant.Tests.Support;

namespace Assistant.Api.Tests.Hosting;

/// <summary>
/// A catalog of real acts built once per test class: the two sample acts, and, from ../shared, the Criminal and
/// Labour Codes. Hosts copy it, so that conversations and audit entries of one host never reach another.
/// </summary>
public sealed class TestCatalog : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("raglegal-api-");

    public TestCatalog()
    {
        Path = System.IO.Path.Combine(_folder.FullName, "template.db");
        using var catalog = LegalCatalog.Open(Path);
        var files = Directory.GetFiles(RepositoryFolders.TestActs, "*.txt").ToList();
        if (SharedData.IsAvailable)
        {
            files.Add(SharedData.Path("corpus", "adilet", "ru", "K1400000226.ru.txt"));
            files.Add(SharedData.Path("corpus", "adilet", "ru", "K1500000414.ru.txt"));
        }

        foreach (var file in files)
        {
            catalog.SaveAct(AdiletTextParser.ParseFile(file));
        }
    }

    public string Path { get; }

    /// <summary>A fresh copy of the catalog for one host.</summary>
    public string Copy()
    {
        var copy = System.IO.Path.Combine(_folder.FullName, Guid.NewGuid().ToString("N") + ".db");
        using (var source = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path};Pooling=False"))
        {
            source.Open();
            using var command = source.CreateCommand();
            command.CommandText = "VACUUM INTO $target";
            command.Parameters.AddWithValue("$target", copy);
            command.ExecuteNonQuery();
        }

        return copy;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
