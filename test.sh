#!/usr/bin/env bash
# Runs every test of the solution. The native engines come with their NuGet packages (no npm, no node).
# Tests over ../shared skip when it is absent; RAGLEGAL_REQUIRE_SHARED=1 makes them fail instead.
set -euo pipefail
cd "$(dirname "$0")"

command -v dotnet >/dev/null || { echo "error: the .NET 10 SDK (dotnet) is required" >&2; exit 2; }
# LLamaSharp's CPU backend runs ggml on OpenMP, whose spinning barriers collapse throughput when other processes
# compete for the cores (parallel test projects, a busy host): threads that wait should sleep.
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"

# The web app's browser tests drive Debian's Chromium through Playwright (never a downloaded browser).
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests"
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
[ -x /usr/bin/chromium ] || { echo "error: /usr/bin/chromium is missing and apt-get could not install it" >&2; exit 2; }
export RAGLEGAL_REQUIRE_BROWSER=1

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test RagLegal.sln -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# The CUDA variant of ONNX Runtime (Microsoft.ML.OnnxRuntime.Gpu.Linux) must restore and compile too; it builds into
# .build/onnx-gpu/, apart from the CPU build (about 2.5 minutes on two cores once the package is in the NuGet cache).
echo "Building src/Assistant.Inference with -p:OnnxGpu=true"
dotnet build src/Assistant.Inference -c Release -p:OnnxGpu=true -nologo -v quiet || status=1

# One closing line over all test projects: "N passed, N failed, N skipped".
awk '
  /(Passed|Failed)! +- +Failed: / {
    for (i = 1; i <= NF; i++) {
      gsub(",", "", $(i + 1))
      if ($i == "Failed:") failed += $(i + 1)
      if ($i == "Passed:") passed += $(i + 1)
      if ($i == "Skipped:") skipped += $(i + 1)
    }
  }
  END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }
' "$log"
exit "$status"
