#!/usr/bin/env bash
# Builds the workbench as a desktop program with jpackage (JDK 17+), for the platform it runs on:
#   installer/build.sh                 -> target/installer/irw/           app image (bin/irw), any OS
#   installer/build.sh deb             -> target/installer/irw_*_amd64.deb   Debian, Ubuntu   (tested)
#   installer/build.sh rpm             -> target/installer/irw-*.x86_64.rpm  Fedora, RHEL     (untested; needs rpmbuild)
#   installer/build.sh msi             -> target/installer/irw-*.msi        Windows, Git Bash (untested; needs WiX 3)
#   installer/build.sh dmg             -> target/installer/irw-*.dmg        macOS             (untested)
# The bundled runtime is made by jlink with only the modules the code needs; JavaFX and DL4J stay on
# the class path (lib/app/lib), with the natives of the target platform only. IRW_JAVACPP_PLATFORM
# overrides the platform (e.g. linux-arm64), IRW_ONEDNN=0 leaves out the oneDNN natives.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
type="${1:-app-image}"
cd "$here"

case "$type" in
  app-image|deb|rpm|msi|dmg) ;;
  *) echo "usage: installer/build.sh [app-image|deb|rpm|msi|dmg]" >&2; exit 2 ;;
esac

# --- the target platform: javacpp.platform decides which natives Maven puts in target/lib ----------
arch="$(uname -m)"
case "$arch" in x86_64|amd64) arch=x86_64 ;; aarch64|arm64) arch=arm64 ;; esac
case "$type" in
  app-image)
    case "$(uname -s)" in
      Linux) os=linux ;; Darwin) os=macosx ;; MINGW*|MSYS*|CYGWIN*) os=windows ;; *) os=linux ;;
    esac ;;
  deb|rpm) os=linux ;;
  msi) os=windows ;;
  dmg) os=macosx ;;
esac
platform="${IRW_JAVACPP_PLATFORM:-$os-$arch}"
# nd4j publishes oneDNN + AVX2 natives for x86_64 Linux and Windows; elsewhere the plain ones run.
case "$platform" in linux-x86_64|windows-x86_64) onednn="${IRW_ONEDNN:-1}" ;; *) onednn=0 ;; esac
extension=""
[ "$onednn" = 1 ] && extension="-onednn-avx2"

jdk_bin="${JAVA_HOME:+$JAVA_HOME/bin/}"
for tool in jpackage jlink; do
  command -v "${jdk_bin}$tool" >/dev/null || { echo "build.sh: ${jdk_bin}$tool not found; install a JDK 17+ (Debian: openjdk-17-jdk)" >&2; exit 1; }
done

# --- the application: jar, libraries, sample data -------------------------------------------------
version="$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' pom.xml | head -1)"
app_version="${version%%-*}"   # jpackage wants numbers only: 0.1.0-SNAPSHOT -> 0.1.0
echo "build.sh: $type for $platform${extension:+ with oneDNN natives}, version $version"
rm -rf target/lib   # copy-dependencies never removes another platform's jars
mvn -q -B -ntp -Dmaven.test.skip=true -Djavacpp.platform="$platform" $([ "$onednn" = 1 ] || echo -DskipOnednn) package

out=target/installer
input="$out/input"
rm -rf "$out"
mkdir -p "$input"
cp target/irw.jar "$input/"
cp -r target/lib "$input/lib"
# sqlite-jdbc carries its natives for 23 platforms (12 MB); keep the target's only.
case "$platform" in
  linux-x86_64) sqlite_native=Linux/x86_64 ;; linux-arm64) sqlite_native=Linux/aarch64 ;;
  windows-x86_64) sqlite_native=Windows/x86_64 ;; macosx-x86_64) sqlite_native=Mac/x86_64 ;; macosx-arm64) sqlite_native=Mac/aarch64 ;;
  *) sqlite_native= ;;
esac
for jar in "$input"/lib/sqlite-jdbc-*.jar; do
  [ -n "$sqlite_native" ] && [ -f "$jar" ] || continue
  unpacked="$out/sqlite-jdbc"
  mkdir -p "$unpacked" && (cd "$unpacked" && "${jdk_bin}jar" xf "$here/$jar")
  find "$unpacked/org/sqlite/native" -mindepth 2 -maxdepth 2 -type d | grep -v "/native/$sqlite_native\$" | xargs rm -rf
  find "$unpacked/org/sqlite/native" -type d -empty -delete
  "${jdk_bin}jar" --create --no-manifest --file "$jar" -C "$unpacked" .
  rm -rf "$unpacked"
done
# The shipped models, the measured samples and the small data sets: the workbench opens them at
# first start (irw.core.io.SampleDataFolder finds them next to irw.jar). The model training script
# needs a checkout, so it stays out.
cp -r sample-data "$input/sample-data"
rm -f "$input/sample-data/models/train-sample-models.sh"

# --- the runtime: jlink, only the modules needed ---------------------------------------------------
# jdeps --print-module-deps --multi-release 17 --ignore-missing-deps --class-path 'target/lib/*'
# target/irw.jar gives the first line; the second are modules loaded by reflection or as a service,
# which jdeps cannot see: javax.script (FXMLLoader), the zip file system, the JDK's logging.
modules=java.base,java.compiler,java.desktop,java.instrument,java.naming,java.net.http,java.security.jgss,java.sql,jdk.jfr,jdk.management,jdk.unsupported
modules="$modules,java.scripting,jdk.zipfs,java.logging"
# bin/java stays (no --strip-native-commands): the launcher script and the training service start it.
"${jdk_bin}jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
  --output "$out/runtime"

# --- the app image ---------------------------------------------------------------------------------
icon=resources/irw/ui/icons/irw-256.png
# What the native launcher passes to the JVM (Windows, macOS). On Linux bin/irw is our script, which
# sets the same and the OpenMP environment the native launcher cannot set.
java_options=(-Xmx3g -Dorg.bytedeco.javacpp.maxbytes=3g -Dorg.bytedeco.javacpp.maxphysicalbytes=6g "-Dirw.home=\$APPDIR")
[ -n "$extension" ] && java_options+=("-Dorg.bytedeco.javacpp.platform.extension=$extension")
jp_options=()
for o in "${java_options[@]}"; do jp_options+=(--java-options "$o"); done
common=(--name irw --app-version "$app_version" --vendor "Imitation Refinement Workbench"
  --description "Refine measured X-ray diffraction patterns toward ideal ones"
  --copyright "Imitation Refinement Workbench authors")
"${jdk_bin}jpackage" --type app-image --dest "$out/image" "${common[@]}" \
  --runtime-image "$out/runtime" --input "$input" --main-jar irw.jar --main-class irw.Main \
  --icon "$icon" "${jp_options[@]}"

image="$out/image/irw"
if [ "$os" = linux ]; then
  sed "s/@ONEDNN_EXTENSION@/$extension/" installer/linux/irw-launcher.sh > "$image/bin/irw"
  chmod 755 "$image/bin/irw"
  cp installer/linux/irw-mime.xml "$image/lib/irw-mime.xml"   # the file types, with content magic (postinst)
fi

if [ "$type" = app-image ]; then
  mv "$image" "$out/irw"
  rm -rf "$out/image" "$input" "$out/runtime"   # copies already in the image: 330 MB less under target/
  echo "built: $out/irw ($(du -sh "$out/irw" | cut -f1)); run $out/irw/bin/irw"
  exit 0
fi

# --- the installer package, from the app image -----------------------------------------------------
associations=()
for f in installer/file-associations/*.properties; do associations+=(--file-associations "$f"); done
package=(--type "$type" --app-image "$image" --dest "$out" "${common[@]}" "${associations[@]}" --icon "$icon")
case "$type" in
  deb|rpm)
    # resource dir: the menu entry and the maintainer scripts that put irw on the PATH
    package+=(--resource-dir installer/linux --linux-shortcut --linux-menu-group "Science;Physics;DataVisualization;"
      --linux-app-category science --linux-package-name irw) ;;
  msi)
    package+=(--win-menu --win-menu-group "Imitation Refinement Workbench" --win-shortcut --win-dir-chooser
      --win-upgrade-uuid 6f1d3c2e-7a4b-4e0b-9a61-3f5e0f2b8c11) ;;
  dmg)
    package+=(--mac-package-identifier irw.workbench --mac-package-name "Imitation Refinement Workbench") ;;
esac
case "$type" in
  deb)
    # JavaFX's window needs GTK 3 (libgtk-3-0t64 on newer Debian and Ubuntu); the menu entry and the
    # file types need the desktop tools the maintainer scripts call.
    package+=(--linux-package-deps "libgtk-3-0 | libgtk-3-0t64, desktop-file-utils, shared-mime-info") ;;
  rpm)
    package+=(--linux-package-deps "gtk3, xdg-utils, desktop-file-utils, shared-mime-info") ;;
esac
# The payload is mostly jars, already deflated: dpkg-deb's default xz saves 2 % (315 vs 321 MB) for
# 20x the CPU time (4.7 min vs 13 s here). gzip also unpacks on every dpkg.
[ "$type" = deb ] && export DPKG_DEB_COMPRESSOR_TYPE="${DPKG_DEB_COMPRESSOR_TYPE:-gzip}"
"${jdk_bin}jpackage" "${package[@]}"
rm -rf "$out/image" "$input" "$out/runtime"
echo "built: $(ls -d "$out"/irw[-_]* 2>/dev/null || ls -d "$out"/*.*)"
