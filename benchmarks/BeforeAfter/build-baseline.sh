#!/usr/bin/env bash
# Builds the library at revision REV
# with every assembly renamed "<name>.Baseline", into benchmarks/BeforeAfter/baseline-bin/, so that the
# before/after suite can load it beside this checkout's build in one process.
# Usage: benchmarks/BeforeAfter/build-baseline.sh REV
set -euo pipefail
REV="${1:?usage: build-baseline.sh REV (a commit, tag or branch of this repository)}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(git -C "$HERE" rev-parse --show-toplevel)"
OUT="$HERE/baseline-bin"
WORK="$(mktemp -d)"
trap '[ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"' EXIT

git -C "$ROOT" archive "$REV" src Directory.Build.props Directory.Packages.props global.json | tar -x -C "$WORK"
# Rename every assembly in its project file, and re-aim each InternalsVisibleTo at the renamed friend
# (FintechCrypto.Native lets "FintechCrypto" see its internals; in the baseline that is "FintechCrypto.Baseline").
for csproj in "$WORK"/src/*/*.csproj; do
    sed -i -e 's|<AssemblyName>\([^<]*\)</AssemblyName>|<AssemblyName>\1.Baseline</AssemblyName>|' \
           -e 's|<InternalsVisibleTo Include="\([^"]*\)" />|<InternalsVisibleTo Include="\1.Baseline" />|' \
           -e 's|<IsPackable>true</IsPackable>|<IsPackable>false</IsPackable>|' "$csproj"
done
dotnet build -c Release "$WORK/src/Crypto.Qkd.Simulator/FintechCrypto.Qkd.Simulator.csproj" -v quiet -nologo >&2
rm -rf "$OUT"
mkdir -p "$OUT"
for project in Crypto Crypto.Native Crypto.Qkd.Simulator; do
    cp "$WORK"/src/$project/bin/Release/net10.0/*.Baseline.dll "$OUT"/
done
echo "$(git -C "$ROOT" rev-parse "$REV")" > "$OUT/REVISION"
ls "$OUT" >&2
