#!/usr/bin/env bash
# Rebuilds src/analysis/audio/dsp.wasm from dsp.c. Not part of installing or testing reel
# (the .wasm is committed); needs clang and wasm-ld with the WebAssembly target:
#   apt-get install clang-14 lld-14     (Debian 12; any recent clang works the same)
# Usage: scripts/build-dsp.sh   (prints the result's sha256, which test/dsp.test.ts checks when clang is here)
set -euo pipefail
cd "$(dirname "$0")/../src/analysis/audio"
CLANG=${CLANG:-$(command -v clang || echo /usr/lib/llvm-14/bin/clang)}
# -nostdlib: the loops need no C library. --import-memory: dsp.ts sizes each buffer's memory.
"$CLANG" --target=wasm32 -O3 -nostdlib -Wl,--no-entry -Wl,--import-memory -Wl,--export=__heap_base \
	-o dsp.wasm dsp.c
sha256sum dsp.wasm
