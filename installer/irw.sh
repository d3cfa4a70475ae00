#!/usr/bin/env bash
# Launches the workbench (no arguments) or a command (irw.sh --help) with the memory caps and
# oneDNN natives that DL4J needs on a small machine (see PLATFORM-NOTES in the docs).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$here/target/irw.jar"
[ -f "$jar" ] || { echo "irw.sh: $jar not found; build it with: mvn -q -DskipTests package" >&2; exit 1; }
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-$(nproc)}"
# OpenMP threads sleep instead of spinning between parallel regions: on busy cores spinning stalled
# every small op (refiner step 2.55 s -> 0.72 s, per-pattern refinement 3.6-5 s -> 0.2-0.3 s; engine.md)
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-passive}"
# IRW_JAVA_OPTS come last, so they override these defaults (the JVM takes the last -Xmx and -D of a name), e.g.
# IRW_JAVA_OPTS="-Xmx2g -Dorg.bytedeco.javacpp.maxbytes=9g -Dorg.bytedeco.javacpp.maxphysicalbytes=12g" for a long `compare`
exec java -Xmx3g \
  -Dorg.bytedeco.javacpp.maxbytes=3g -Dorg.bytedeco.javacpp.maxphysicalbytes=6g \
  -Dorg.bytedeco.javacpp.platform.extension=-onednn-avx2 \
  -Dirw.home="$here" \
  ${IRW_JAVA_OPTS:-} \
  -jar "$jar" "$@"
