using Assistant.Core.Acts;
using Assistant.Core.Forecasts;
using Assistant.Storage.Catalog;
using Microsoft.Data.Sqlite;

namespace Assistant.Storage.Drafts;

/// <summary>
/// Forecast jobs and their reports in the catalog's database file, beside the drafts they forecast, so that a job
/// and its result outlive the process that ran it. Each change of a job is one statement, hence atomic.
/// </summary>
public sealed class ForecastJobStore : IForecastJobStore, IDisposable
{
    private const string Table = """
        CREATE TABLE IF NOT EXISTS forecast_jobs(
            id TEXT PRIMARY KEY,
            draft_id TEXT NOT NULL,
            edition TEXT,
            edition_language TEXT,
            twin_draft_id TEXT,
            status TEXT NOT NULL,
            stage TEXT,
            requested_by TEXT NOT NULL,
            role TEXT NOT NULL,
            created_at TEXT NOT NULL,
            started_at TEXT,
            finished_at TEXT,
            error TEXT,
            result_json TEXT,
            report_html TEXT,
            report_docx BLOB);
        CREATE INDEX IF NOT EXISTS forecast_jobs_status ON forecast_jobs(status);
        CREATE TABLE IF NOT EXISTS forecast_job_stages(
            job_id TEXT NOT NULL REFERENCES forecast_jobs(id),
            stage TEXT NOT NULL,
            reached_at TEXT NOT NULL,
            PRIMARY KEY(job_id, stage));
        """;

    private const string Columns = "id, draft_id, edition, edition_language, twin_draft_id, status, stage, requested_by, role, created_at, started_at, finished_at, error";

    private readonly ExclusiveConnection _connection;

    private ForecastJobStore(SqliteConnection connection) => _connection = new ExclusiveConnection(connection);

    /// <summary>Opens the store in the catalog at <paramref name="path"/>, creating the file, the catalog's schema and the jobs table when absent.</summary>
    /// <exception cref="InvalidDataException">The file exists but is not a RagLegal catalog of this schema version.</exception>
    public static ForecastJobStore Open(string path) => new(CatalogFile.OpenStore(path, Table));

    public Task<ForecastJob> AddAsync(ForecastRequest request, string requestedBy, string role, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var job = new ForecastJob(Guid.NewGuid().ToString("N"), request, ForecastJobStatus.Queued, null, requestedBy, role, DateTimeOffset.UtcNow, null, null, null);
        return _connection.UseAsync(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = """
                    INSERT INTO forecast_jobs(id, draft_id, edition, edition_language, twin_draft_id, status, requested_by, role, created_at)
                    VALUES ($id, $draft_id, $edition, $edition_language, $twin_draft_id, $status, $requested_by, $role, $created_at)
                    """;
                command.Parameters.AddWithValue("$id", job.Id);
                command.Parameters.AddWithValue("$draft_id", request.DraftId);
                command.Parameters.AddWithValue("$edition", (object?)request.Edition ?? DBNull.Value);
                command.Parameters.AddWithValue("$edition_language", (object?)request.EditionLanguage?.ToCode() ?? DBNull.Value);
                command.Parameters.AddWithValue("$twin_draft_id", (object?)request.TwinDraftId ?? DBNull.Value);
                command.Parameters.AddWithValue("$status", job.Status.ToString());
                command.Parameters.AddWithValue("$requested_by", requestedBy);
                command.Parameters.AddWithValue("$role", role);
                command.Parameters.AddWithValue("$created_at", StoredTime.Format(job.CreatedAt));
                command.ExecuteNonQuery();
                return job;
            },
            cancellationToken);
    }

    public Task<ForecastJob?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _connection.UseAsync(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT {Columns} FROM forecast_jobs WHERE id = $id";
                command.Parameters.AddWithValue("$id", id);
                using var reader = command.ExecuteReader();
                return reader.Read() ? Job(reader) : null;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<ForecastJob>> ListForDraftAsync(string draftId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draftId);
        return _connection.UseAsync<IReadOnlyList<ForecastJob>>(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT {Columns} FROM forecast_jobs WHERE draft_id = $draft_id ORDER BY rowid DESC";
                command.Parameters.AddWithValue("$draft_id", draftId);
                using var reader = command.ExecuteReader();
                var jobs = new List<ForecastJob>();
                while (reader.Read())
                {
                    jobs.Add(Job(reader));
                }

                return jobs;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<ForecastJob>> RequeueUnfinishedAsync(CancellationToken cancellationToken) =>
        _connection.UseAsync<IReadOnlyList<ForecastJob>>(
            connection =>
            {
                using var transaction = connection.BeginTransaction();
                using (var requeue = connection.CreateCommand())
                {
                    requeue.CommandText = """
                        DELETE FROM forecast_job_stages WHERE job_id IN (SELECT id FROM forecast_jobs WHERE status = $running);
                        UPDATE forecast_jobs SET status = $queued, stage = NULL, started_at = NULL WHERE status = $running;
                        """;
                    requeue.Parameters.AddWithValue("$queued", nameof(ForecastJobStatus.Queued));
                    requeue.Parameters.AddWithValue("$running", nameof(ForecastJobStatus.Running));
                    requeue.ExecuteNonQuery();
                }

                var jobs = new List<ForecastJob>();
                using (var select = connection.CreateCommand())
                {
                    select.CommandText = $"SELECT {Columns} FROM forecast_jobs WHERE status = $queued ORDER BY rowid";
                    select.Parameters.AddWithValue("$queued", nameof(ForecastJobStatus.Queued));
                    using var reader = select.ExecuteReader();
                    while (reader.Read())
                    {
                        jobs.Add(Job(reader));
                    }
                }

                transaction.Commit();
                return jobs;
            },
            cancellationToken);

    public Task<bool> TryStartAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _connection.UseAsync(
            connection =>
            {
                using var transaction = connection.BeginTransaction();
                using var command = connection.CreateCommand();
                command.CommandText = "UPDATE forecast_jobs SET status = $running, started_at = $at, stage = NULL WHERE id = $id AND status = $queued";
                command.Parameters.AddWithValue("$id", id);
                command.Parameters.AddWithValue("$running", nameof(ForecastJobStatus.Running));
                command.Parameters.AddWithValue("$queued", nameof(ForecastJobStatus.Queued));
                command.Parameters.AddWithValue("$at", StoredTime.Format(DateTimeOffset.UtcNow));
                if (command.ExecuteNonQuery() != 1)
                {
                    return false;
                }

                using var forget = connection.CreateCommand();
                forget.CommandText = "DELETE FROM forecast_job_stages WHERE job_id = $id";
                forget.Parameters.AddWithValue("$id", id);
                forget.ExecuteNonQuery();
                transaction.Commit();
                return true;
            },
            cancellationToken);
    }

    public Task MarkStageAsync(string id, ForecastStage stage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _connection.UseAsync(
            connection =>
            {
                using var transaction = connection.BeginTransaction();
                using var command = connection.CreateCommand();
                command.CommandText = "UPDATE forecast_jobs SET stage = $stage WHERE id = $id";
                command.Parameters.AddWithValue("$id", id);
                command.Parameters.AddWithValue("$stage", stage.ToString());
                if (command.ExecuteNonQuery() == 0)
                {
                    throw new KeyNotFoundException($"No forecast job has the id '{id}'.");
                }

                using var reached = connection.CreateCommand();
                reached.CommandText = "INSERT OR REPLACE INTO forecast_job_stages(job_id, stage, reached_at) VALUES ($id, $stage, $at)";
                reached.Parameters.AddWithValue("$id", id);
                reached.Parameters.AddWithValue("$stage", stage.ToString());
                reached.Parameters.AddWithValue("$at", StoredTime.Format(DateTimeOffset.UtcNow));
                reached.ExecuteNonQuery();
                transaction.Commit();
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<ForecastStageReached>> GetStagesAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _connection.UseAsync<IReadOnlyList<ForecastStageReached>>(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT stage, reached_at FROM forecast_job_stages WHERE job_id = $id";
                command.Parameters.AddWithValue("$id", id);
                using var reader = command.ExecuteReader();
                var stages = new List<ForecastStageReached>();
                while (reader.Read())
                {
                    stages.Add(new ForecastStageReached(Enum.Parse<ForecastStage>(reader.GetString(0)), StoredTime.Parse(reader.GetString(1))));
                }

                return [.. stages.OrderBy(s => s.Stage)];
            },
            cancellationToken);
    }

    public Task CompleteAsync(string id, ForecastReports reports, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reports);
        return Update(
            id,
            "status = $status, finished_at = $at, result_json = $json, report_html = $html, report_docx = $docx",
            [("$status", nameof(ForecastJobStatus.Succeeded)), ("$at", StoredTime.Format(DateTimeOffset.UtcNow)), ("$json", reports.Json), ("$html", reports.Html), ("$docx", reports.Docx)],
            cancellationToken);
    }

    public Task FailAsync(string id, string reason, CancellationToken cancellationToken) =>
        Update(id, "status = $status, finished_at = $at, error = $error", [("$status", nameof(ForecastJobStatus.Failed)), ("$at", StoredTime.Format(DateTimeOffset.UtcNow)), ("$error", reason)], cancellationToken);

    public Task<ForecastReports?> GetReportsAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _connection.UseAsync(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT result_json, report_html, report_docx FROM forecast_jobs WHERE id = $id AND status = $succeeded";
                command.Parameters.AddWithValue("$id", id);
                command.Parameters.AddWithValue("$succeeded", nameof(ForecastJobStatus.Succeeded));
                using var reader = command.ExecuteReader();
                return reader.Read() ? new ForecastReports(reader.GetString(0), reader.GetString(1), (byte[])reader.GetValue(2)) : null;
            },
            cancellationToken);
    }

    public void Dispose() => _connection.Dispose();

    private Task Update(string id, string assignments, (string Name, object Value)[] values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _connection.UseAsync(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"UPDATE forecast_jobs SET {assignments} WHERE id = $id";
                command.Parameters.AddWithValue("$id", id);
                foreach (var (name, value) in values)
                {
                    command.Parameters.AddWithValue(name, value);
                }

                if (command.ExecuteNonQuery() == 0)
                {
                    throw new KeyNotFoundException($"No forecast job has the id '{id}'.");
                }
            },
            cancellationToken);
    }

    private static ForecastJob Job(SqliteDataReader reader) => new(
        reader.GetString(0),
        new ForecastRequest(reader.GetString(1), Nullable(reader, 2), Nullable(reader, 3) is { } language ? LanguageCodes.Parse(language) : null, Nullable(reader, 4)),
        Enum.Parse<ForecastJobStatus>(reader.GetString(5)),
        Nullable(reader, 6) is { } stage ? Enum.Parse<ForecastStage>(stage) : null,
        reader.GetString(7),
        reader.GetString(8),
        StoredTime.Parse(reader.GetString(9)),
        Nullable(reader, 10) is { } started ? StoredTime.Parse(started) : null,
        Nullable(reader, 11) is { } finished ? StoredTime.Parse(finished) : null,
        Nullable(reader, 12));

    private static string? Nullable(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
