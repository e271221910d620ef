#!/usr/bin/env bash
# Builds libllama, libggml, libggml-base, libggml-cpu and libggml-cuda from llama.cpp at the commit LLamaSharp 0.30.0
# binds, for machines where the LLamaSharp.Backend.Cuda12 package cannot be restored. Load the result with
#   RAGLEGAL_Llm__NativeLibraryPath=<out>/libllama.so            (API)
#   indexer bench llm --native-library <out>/libllama.so ...      (benchmark)
# Usage: scripts/build-llama-cuda.sh [out-dir]     (default: native/llama-cuda)
# Environment:
#   LLAMA_SRC           an existing llama.cpp git checkout (default: a clone of LLAMA_REPO under .build/llama.cpp)
#   LLAMA_REPO          where to clone from (default https://github.com/ggml-org/llama.cpp)
#   CUDA_ARCHITECTURES  CMAKE_CUDA_ARCHITECTURES (default 90: H100/H200; 89 for Ada, 80 for A100; "native" on the GPU box)
#   GGML_NATIVE         ON (default: tune the CPU code for this machine) or OFF (portable, as LLamaSharp's own builds)
#   JOBS                parallel compile jobs (default: all cores)
# Needs git, cmake >= 3.18, a C++17 compiler and the CUDA toolkit (nvcc, cuBLAS) of CUDA 12 or later.
set -euo pipefail
cd "$(dirname "$0")/.."

# LLamaSharp 0.30.0's llama.cpp: its README's version map, and ggml_commit() of the libraries in
# LLamaSharp.Backend.Cpu 0.30.0, say 815a2a59 (the nuspec's release note still names c0c7e147, the commit of 0.28.0).
commit=815a2a5915f22ce6a760c676389c5dfe8535c08f
out=${1:-native/llama-cuda}
src=${LLAMA_SRC:-.build/llama.cpp}
repo=${LLAMA_REPO:-https://github.com/ggml-org/llama.cpp}
arch=${CUDA_ARCHITECTURES:-90}
jobs=${JOBS:-$(nproc)}

for tool in git cmake nvcc; do
  command -v "$tool" >/dev/null || { echo "error: $tool is required (nvcc: install the CUDA toolkit or put its bin/ on PATH)" >&2; exit 2; }
done

if [ ! -d "$src/.git" ]; then
  if [ -n "${LLAMA_SRC:-}" ]; then
    echo "error: LLAMA_SRC=$src is not a git checkout of llama.cpp" >&2; exit 2
  fi
  git clone --filter=blob:none --no-checkout "$repo" "$src"
fi
git -C "$src" cat-file -e "$commit^{commit}" 2>/dev/null || git -C "$src" fetch --filter=blob:none origin "$commit"
git -C "$src" -c advice.detachedHead=false checkout --force "$commit"
[ "$(git -C "$src" rev-parse HEAD)" = "$commit" ] || { echo "error: $src is not at $commit" >&2; exit 1; }

# The flags of LLamaSharp's own Linux CUDA build (.github/workflows/compile.yml), with $ORIGIN as run path so that
# libllama.so finds the ggml libraries beside it wherever the folder is copied.
build=$src/build-cuda
cmake -S "$src" -B "$build" \
  -DCMAKE_BUILD_TYPE=Release \
  -DBUILD_SHARED_LIBS=ON \
  -DGGML_CUDA=ON \
  -DCMAKE_CUDA_ARCHITECTURES="$arch" \
  -DCMAKE_CUDA_FLAGS=-w \
  -DGGML_NATIVE="${GGML_NATIVE:-ON}" \
  -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_SERVER=OFF \
  -DLLAMA_BUILD_UI=OFF -DLLAMA_BUILD_APP=OFF -DLLAMA_OPENSSL=OFF \
  -DCMAKE_INSTALL_RPATH='$ORIGIN' -DCMAKE_BUILD_WITH_INSTALL_RPATH=ON -DCMAKE_PLATFORM_NO_VERSIONED_SONAME=ON
cmake --build "$build" --config Release -j "$jobs" --target ggml ggml-base ggml-cpu ggml-cuda llama

mkdir -p "$out"
for library in libllama.so libggml.so libggml-base.so libggml-cpu.so libggml-cuda.so; do
  [ -f "$build/bin/$library" ] || { echo "error: the build did not produce $build/bin/$library" >&2; exit 1; }
  cp "$build/bin/$library" "$out/"
done
echo "$commit" > "$out/LLAMA_COMMIT"

echo "Built llama.cpp $commit with CUDA (architectures $arch) into $out:"
ls -l "$out"
echo "Load it with RAGLEGAL_Llm__NativeLibraryPath=$(realpath "$out")/libllama.so or bench llm --native-library $(realpath "$out")/libllama.so"
