using System.CommandLine;

var root = new RootCommand("RagLegal indexer: ingest Adilet acts, search and evaluate the catalog, run benchmarks.");
return await root.Parse(args).InvokeAsync();
