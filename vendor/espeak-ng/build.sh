#!/usr/bin/env bash
# Rebuilds espeak-ng.cjs and espeak-ng.wasm: the same espeak-ng source and glue as
# @echogarden/espeak-ng-emscripten 0.3.5 (Echogarden's fork, branch "fork"), compiled to
# WebAssembly instead of wasm2js JavaScript. Not part of installing or testing reel; kept so
# the binary in this folder can be rebuilt and checked. Needs Debian 12's emscripten 3.1.6:
#   apt-get install emscripten python3-ply node-acorn autoconf automake libtool
# Usage: vendor/espeak-ng/build.sh <espeak-ng fork checkout at b723b62c>
set -euo pipefail
SRC=$(realpath "$1")
HERE=$(dirname "$(realpath "$0")")
ROOT=$(realpath "$HERE/../..")
# Debian's emscripten: its own python3 (webidl_binder needs ply) and node modules (acorn).
export PATH=/usr/bin:$PATH NODE_PATH=/usr/share/nodejs
# emscripten 3.1.6's Node glue breaks on Node ≥ 18's fetch when configure runs test programs.
export NODE_OPTIONS=--no-experimental-fetch

cd "$SRC"
./autogen.sh
emconfigure ./configure --prefix=/usr --without-async --without-mbrola --without-sonic \
	--with-extdict-ru --with-extdict-cmn --with-extdict-yue
emmake make -j"$(nproc)" src/libespeak-ng.la

cd emscripten
# The fork's Makefile, changed only where it must be:
# - WebAssembly instead of wasm2js (-s WASM=0), which is the point of this build;
# - a CommonJS module for Node (the ES6 output of 3.1.6 calls require() in Node);
# - no data package: reel's worker mounts the npm package's espeak-ng.data itself
#   (data-files.json), so the voice data stays the package's, byte for byte;
# - no pre.js: the worker passes wasmBinary itself.
sed -i -e 's#-s WASM=0#-s WASM=1#' -e 's#-s EXPORT_ES6=1#-s ENVIRONMENT=node#' \
	-e 's#^EM_ALL_PRE_JS=.*#EM_ALL_PRE_JS=#' -e 's#^EM_WEBIDL_BINDER=python #EM_WEBIDL_BINDER=python3 #' Makefile
emmake make clean
emmake make espeak-ng.js
cp espeak-ng.js "$HERE/espeak-ng.cjs"
cp espeak-ng.wasm "$HERE/espeak-ng.wasm"

# Where each data file lies in the package's espeak-ng.data, from the package's own loader.
cd "$ROOT"
node -e '
const fs = require("fs");
const dir = "node_modules/@echogarden/espeak-ng-emscripten/";
const js = fs.readFileSync(dir + "espeak-ng.js", "utf8");
const m = js.match(/loadPackage\(\{files:(\[.*?\]),remote_package_size:(\d+)\}\)/);
const files = JSON.parse(m[1].replace(/(filename|start|end):/g, "\"$1\":"));
const prefix = "/usr/share/espeak-ng-data/";
if (!files.every((f) => f.filename.startsWith(prefix))) throw new Error("unexpected data path");
const out = {size: Number(m[2]), files: files.map((f) => [f.filename.slice(prefix.length), f.start, f.end])};
fs.writeFileSync(process.argv[1], JSON.stringify(out) + "\n");
' "$HERE/data-files.json"
node "$HERE/memory-layout.mjs" > "$HERE/memory-layout.json"
sha256sum "$HERE/espeak-ng.cjs" "$HERE/espeak-ng.wasm" "$HERE/data-files.json"
