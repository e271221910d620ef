namespace Assistant.Core.Editions;

/// <summary>A record taken for an edition of <paramref name="ActId"/>, by <paramref name="Rule"/>.</summary>
/// <param name="Duplicate">The record repeats an edition stored under another record: it is dropped, its id kept as a name of that edition.</param>
/// <param name="Detail">What matched, for the ingest report («title «О правовых актах» = Z1600000480»).</param>
public sealed record IdentityMatch(ActRecord Record, string ActId, IdentityRule Rule, bool Duplicate, string Detail);

/// <summary>A record that several acts could claim: left as an act of its own, and reported.</summary>
public sealed record IdentityAmbiguity(ActRecord Record, IReadOnlyList<string> Candidates, string Reason);

/// <summary>What <see cref="EditionMatcher"/> decided for a set of records.</summary>
public sealed record IdentityReport(IReadOnlyList<IdentityMatch> Matches, IReadOnlyList<IdentityAmbiguity> Ambiguities);
