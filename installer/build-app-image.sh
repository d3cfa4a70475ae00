#!/usr/bin/env bash
# Builds a self-contained application image (a bundled Java runtime + the app) with jpackage.
#   installer/build-app-image.sh            -> target/installer/irw/bin/irw
#   installer/build-app-image.sh deb        -> a .deb package (needs fakeroot and dpkg-deb)
# JavaFX and DL4J stay on the class path (target/lib), as in `java -jar target/irw.jar`.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
type="${1:-app-image}"
cd "$here"
[ -f target/irw.jar ] || mvn -q -DskipTests package
out=target/installer
rm -rf "$out" target/jpackage-input
mkdir -p target/jpackage-input
cp target/irw.jar target/jpackage-input/
cp -r target/lib target/jpackage-input/lib
runtime_modules=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.sql,java.xml,jdk.management,jdk.unsupported,jdk.crypto.ec,jdk.zipfs
jpackage --type "$type" --dest "$out" --name irw --app-version 0.1.0 \
  --vendor "Imitation Refinement Workbench" \
  --description "Refine measured X-ray diffraction patterns toward ideal ones" \
  --input target/jpackage-input --main-jar irw.jar --main-class irw.Main \
  --add-modules "$runtime_modules" \
  --jlink-options "--strip-debug --no-header-files --no-man-pages --compress=2" \
  --java-options "-Xmx3g -Dorg.bytedeco.javacpp.maxbytes=3g -Dorg.bytedeco.javacpp.maxphysicalbytes=6g -Dorg.bytedeco.javacpp.platform.extension=-onednn-avx2" \
  $( [ "$type" = deb ] && echo --linux-shortcut --linux-menu-group Science --icon installer/icons/irw.png )
echo "built: $(ls -d "$out"/*)"
