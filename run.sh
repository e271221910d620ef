#!/usr/bin/env bash
# The main job: build, index the sample acts into data/raglegal.db, serve the API on http://127.0.0.1:5080 and the web
# app on http://127.0.0.1:5081 (Ctrl+C stops both). The first run creates the local admin and prints its password once.
# Extra arguments are more paths to ingest, e.g. ./run.sh ../shared/corpus
# Set RAGLEGAL_Llm__ModelPath=<gguf> for generated answers; without a model the chat answers with extracts.
set -euo pipefail
cd "$(dirname "$0")"

command -v dotnet >/dev/null || { echo "error: the .NET 10 SDK (dotnet) is required" >&2; exit 2; }
# LLamaSharp's CPU backend runs ggml on OpenMP, whose spinning barriers collapse throughput when other processes
# compete for the cores (parallel test projects, a busy host): threads that wait should sleep.
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
url=${RAGLEGAL_URL:-http://127.0.0.1:5080}
web=${RAGLEGAL_WEB_URL:-http://127.0.0.1:5081}

dotnet build src/Assistant.Indexer -c Release -o .build/indexer -v quiet -nologo
dotnet build src/Assistant.Api -c Release -o .build/api -v quiet -nologo
# Published, not built: the component library's styles and scripts are copied into wwwroot only by publish.
dotnet publish src/Assistant.Web -c Release -o .build/web -v quiet -nologo
indexer() { dotnet .build/indexer/indexer.dll "$@"; }

indexer ingest samples "$@"

# Dense retrieval needs an embedding model. The first run trains the bilingual one from ../shared/corpus when it is
# there (a few minutes, once); otherwise 'embed' writes the untrained default. Then only new or changed norms are embedded.
if [ ! -f models/embed/default/manifest.json ] && [ -d ../shared/corpus ]; then
  indexer train-embedder --corpus ../shared/corpus --out models/embed/default
fi
indexer embed || echo "warning: the norms were not embedded (see the error above): search and chat will be lexical" >&2

# A signing key made once for this installation; tokens for the chat are issued with it.
mkdir -p data
[ -s data/signing-key ] || { head -c 48 /dev/urandom | base64 -w0 > data/signing-key; chmod 600 data/signing-key; }
export RAGLEGAL_Auth__SigningKey="$(cat data/signing-key)"
token=$(indexer token issue --role deputy --name local-deputy --days 1)
expert_token=$(indexer token issue --role expert --name local-expert --days 1)
admin_password=$(indexer user add --role admin --name admin --first)

cat <<INFO

The web app: $web    (the public portal, no account: $web/public)
INFO
if [ -n "$admin_password" ]; then
  cat <<INFO
  Sign in as admin with the password $admin_password
  (shown this once; the admin creates the other accounts in the app, or: dotnet .build/indexer/indexer.dll user add --role deputy --name <name>)
INFO
else
  echo "  Sign in with your account (accounts: dotnet .build/indexer/indexer.dll user list)."
fi
cat <<INFO

The API: $url (Ctrl+C stops both). Tokens for it, valid for a day:
  deputy: $token
  expert: $expert_token
Try:
  curl -s $url/health/ready
  curl -s -X POST $url/v1/search -H 'Content-Type: application/json' -d '{"query":"ст. 188 УК","top":3}'
  (search and chat are hybrid: add "mode":"lexical" or "mode":"dense" to a search to see one side)
  curl -sN -X POST $url/v1/chat -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \\
       -d '{"messages":[{"role":"user","content":"Какова продолжительность основного ежегодного трудового отпуска?"}]}'
  OpenAPI: $url/openapi/v1.json    More tokens: dotnet .build/indexer/indexer.dll token issue --role <role> --name <you>
  Drafts under public discussion: curl -s $url/v1/public/drafts (an expert publishes one with
       POST /v1/drafts/{id}/publication {"closesAt": "…"}, or from the draft's page in the web app)
INFO
dotnet .build/api/raglegal-api.dll --contentRoot "$PWD/.build/api" --urls "$url" &
api=$!
trap 'kill $api 2>/dev/null' EXIT INT TERM
RAGLEGAL_Web__ApiUrl="$url" dotnet .build/web/raglegal-web.dll --contentRoot "$PWD/.build/web" --urls "$web"
