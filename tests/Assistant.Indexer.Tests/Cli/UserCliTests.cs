namespace Assistant.Indexer.Tests.Cli;

/// <summary>indexer user add/list: the first admin of the web app, as run.sh makes it.</summary>
public sealed class UserCliTests : IDisposable
{
    private readonly string _accounts = Path.Combine(Path.GetTempPath(), $"accounts-{Guid.NewGuid():N}.db");

    public void Dispose() => File.Delete(_accounts);

    [Fact]
    public async Task User_add_first_creates_the_admin_once_and_prints_its_password_only_then()
    {
        var created = await IndexerProcess.RunAsync("user", "add", "--role", "admin", "--name", "admin", "--first", "--accounts", _accounts);
        var again = await IndexerProcess.RunAsync("user", "add", "--role", "admin", "--name", "admin2", "--first", "--accounts", _accounts);
        var listed = await IndexerProcess.RunAsync("user", "list", "--accounts", _accounts);

        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Matches("^[A-Za-z0-9]{16}$", created.Output.Trim());
        Assert.Contains("is not shown again", created.Errors, StringComparison.Ordinal);
        Assert.Equal((0, string.Empty), (again.ExitCode, again.Output.Trim()));
        Assert.Equal("admin\tadmin", listed.Output.Trim());
    }

    [Fact]
    public async Task User_add_with_a_taken_name_or_an_unknown_role_is_an_error_saying_why()
    {
        await IndexerProcess.RunAsync("user", "add", "--role", "expert", "--name", "expert.one", "--accounts", _accounts);

        var taken = await IndexerProcess.RunAsync("user", "add", "--role", "deputy", "--name", "expert.one", "--accounts", _accounts);
        var role = await IndexerProcess.RunAsync("user", "add", "--role", "king", "--name", "someone", "--accounts", _accounts);

        Assert.Equal(2, taken.ExitCode);
        Assert.Contains("is already taken", taken.Errors, StringComparison.Ordinal);
        Assert.NotEqual(0, role.ExitCode);
        Assert.Contains("--role must be deputy, expert, moderator or admin, not 'king'", role.Errors, StringComparison.Ordinal);
    }
}
