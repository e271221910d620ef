#!/usr/bin/env bash
# The main job: build, index the sample acts into data/raglegal.db and answer a search.
# Extra arguments are more paths to ingest, e.g. ./run.sh ../shared/corpus
set -euo pipefail
cd "$(dirname "$0")"

command -v dotnet >/dev/null || { echo "error: the .NET 10 SDK (dotnet) is required" >&2; exit 2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build src/Assistant.Indexer -c Release -o .build/indexer -v quiet -nologo
indexer() { dotnet .build/indexer/indexer.dll "$@"; }

indexer ingest samples "$@"
echo
echo '$ indexer search "совет по развитию искусственного интеллекта" --top 3'
indexer search "совет по развитию искусственного интеллекта" --top 3
echo
echo "The catalog is in data/raglegal.db. Try:"
echo "  dotnet .build/indexer/indexer.dll search \"<question or ст. 188 УК>\" [--lang ru|kk] [--act ID] [--json]"
echo "  dotnet .build/indexer/indexer.dll show U2500000881/p:1"
