using Assistant.Core.Acts;
using Assistant.Storage.Catalog;

namespace Assistant.Indexer.Ingestion;

/// <summary>Counts of one ingest run, reported at its end.</summary>
public sealed class IngestSummary
{
    private readonly List<IngestFailure> _failures = [];
    private readonly List<string> _repairs = [];
    private readonly HashSet<(string Id, Language Language)> _acts = [];

    public int Files { get; internal set; }

    public long Bytes { get; internal set; }

    public int Editions { get; private set; }

    public int Acts => _acts.Count;

    public int Norms { get; private set; }

    /// <summary>Act editions saved with no norms: their source gave a title but no text.</summary>
    public int WithoutText { get; private set; }

    public int ReferencesResolved { get; private set; }

    public int ReferencesUnresolved { get; private set; }

    public IReadOnlyList<IngestFailure> Failures => _failures;

    /// <summary>The write the catalog refused, which stopped the run: what was saved before it stays, nothing after it was tried.</summary>
    public IngestFailure? StoppedBy { get; internal set; }

    public IReadOnlyList<string> PassedOver { get; internal set; } = [];

    public TimeSpan Elapsed { get; internal set; }

    /// <summary>Which records were found to be editions of one act, and which stayed ambiguous.</summary>
    public EditionIdentityResult? Identity { get; internal set; }

    /// <summary>Unresolved references that got their act once every act was in: by its quoted title, or as the act an amending list amends.</summary>
    public int ReferencesAcrossActs { get; internal set; }

    internal void AddSaved(string actId, Language language, int norms, int resolved, int unresolved)
    {
        _acts.Add((actId, language));
        Editions++;
        Norms += norms;
        WithoutText += norms == 0 ? 1 : 0;
        ReferencesResolved += resolved;
        ReferencesUnresolved += unresolved;
    }

    /// <summary>What reading repaired or left out («source: line N: …»): export artefacts, misspelled headings.</summary>
    public IReadOnlyList<string> Repairs => _repairs;

    internal void AddFailure(IngestFailure failure) => _failures.Add(failure);

    internal void AddRepairs(string source, IReadOnlyList<string> repairs) => _repairs.AddRange(repairs.Select(repair => $"{source}: {repair}"));
}
