#!/bin/sh
# The packaged `irw` (installer/build.sh puts this file at bin/irw of the app image, /opt/irw/bin/irw
# once installed, linked from /usr/bin/irw). No arguments or file names: the workbench; anything else:
# a command (irw --help). It sets what installer/irw.sh sets for a checkout, which jpackage's native
# launcher cannot: the OpenMP environment, then the memory caps and the natives.
set -e
self=$(readlink -f "$0")
root=$(cd "$(dirname "$self")/.." && pwd)
app="$root/lib/app"
java="$root/lib/runtime/bin/java"

# OpenMP threads sleep instead of spinning between parallel regions: on busy cores spinning stalled
# every small op (per-pattern refinement 3.6-5 s -> 0.2-0.3 s; src/site/markdown/engine.md).
OMP_NUM_THREADS="${OMP_NUM_THREADS:-$(nproc 2>/dev/null || echo 2)}"
OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-passive}"
export OMP_NUM_THREADS OMP_WAIT_POLICY

# The natives (about 440 MB once extracted) and JavaFX's go to the user's cache folder (XDG), never
# into the installation, which the user cannot write.
case "${XDG_CACHE_HOME:-}" in
  /*) cache="$XDG_CACHE_HOME/irw" ;;
  *) cache="$HOME/.cache/irw" ;;
esac

# oneDNN natives are 2-4x faster for convolutions but need AVX2 (x86 CPUs since 2013-2015); older
# CPUs get the plain natives, which the package ships too.
natives=
if grep -qw avx2 /proc/cpuinfo 2>/dev/null && [ -n "@ONEDNN_EXTENSION@" ]; then
  natives="-Dorg.bytedeco.javacpp.platform.extension=@ONEDNN_EXTENSION@"
fi

# IRW_JAVA_OPTS come last and override these defaults (heap and native caps), as in installer/irw.sh.
# shellcheck disable=SC2086
exec "$java" -Xmx3g \
  -Dorg.bytedeco.javacpp.maxbytes=3g -Dorg.bytedeco.javacpp.maxphysicalbytes=6g $natives \
  -Dorg.bytedeco.javacpp.cachedir="$cache/javacpp" -Djavafx.cachedir="$cache/openjfx" \
  -Dirw.home="$app" \
  ${IRW_JAVA_OPTS:-} \
  -cp "$app/irw.jar" irw.Main "$@"
