#!/usr/bin/env bash
# CI's check of the packaged app: builds the app image (installer/build.sh), then runs what a user
# runs, in user folders of its own (target/smoke/home):
#   - `irw --version` and `irw convert sample-data/measured/MnO.xy` with the packaged runtime;
#   - the packaged workbench under Xvfb: its main window shows the bundled data
#     (screenshot target/smoke/workbench.png);
#   - a second start with a file hands it to the running window instead of opening another one
#     (screenshot target/smoke/handed-over.png), and the app's files stay out of the installation.
# As root it installs what it needs (Xvfb, GTK 3, xdotool, ImageMagick) when missing, like
# installer/prepare-test-machine.sh. IRW_SMOKE_REUSE=1 tests an app image already built.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
start=$(date +%s)

need=()
command -v Xvfb >/dev/null || need+=(xvfb)
command -v xdotool >/dev/null || need+=(xdotool)
command -v import >/dev/null || need+=(imagemagick)
[ -e /usr/lib/x86_64-linux-gnu/libgtk-3.so.0 ] || ls /usr/lib/*/libgtk-3.so.0 >/dev/null 2>&1 || need+=(libgtk-3-0)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "smoke-test: please install: ${need[*]}" >&2; exit 1
  fi
fi

image=target/installer/irw
if [ "${IRW_SMOKE_REUSE:-0}" != 1 ] || [ ! -x "$image/bin/irw" ]; then
  installer/build.sh app-image
fi
irw="$here/$image/bin/irw"
smoke="$here/target/smoke"
rm -rf "$smoke"
mkdir -p "$smoke/home"
export HOME="$smoke/home" XDG_CONFIG_HOME="$smoke/home/config" XDG_DATA_HOME="$smoke/home/data" \
  XDG_CACHE_HOME="$smoke/home/cache" XDG_RUNTIME_DIR="$smoke/home/run"
mkdir -p -m 700 "$XDG_RUNTIME_DIR"
checks=0
fail() { echo "smoke-test: FAILED: $*" >&2; exit 1; }
pass() { checks=$((checks + 1)); echo "smoke-test: ok: $*"; }

# --- the command line --------------------------------------------------------------------------------
version="$("$irw" --version)"
[[ "$version" == "irw "[0-9]* ]] || fail "irw --version printed '$version'"
pass "irw --version: $version"
"$irw" convert sample-data/measured/MnO.xy --out "$smoke/MnO.csv" > "$smoke/convert.log" 2>&1 || { cat "$smoke/convert.log"; fail "irw convert"; }
rows=$(($(grep -vc '^#' "$smoke/MnO.csv") - 1)) # '#' lines: the provenance header
[ "$rows" = 9001 ] || fail "irw convert wrote $rows rows, MnO.xy has 9001 points"
pass "irw convert sample-data/measured/MnO.xy: $rows points"

# --- the workbench under Xvfb ------------------------------------------------------------------------
display=":$((90 + RANDOM % 100))"
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp > "$smoke/xvfb.log" 2>&1 &
xvfb=$!
workbench=
cleanup() {
  [ -n "$workbench" ] && kill "$workbench" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
}
trap cleanup EXIT
export DISPLAY="$display"
for _ in $(seq 50); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.2; done

title="Imitation Refinement Workbench"
"$irw" > "$smoke/workbench.log" 2>&1 &
workbench=$!
t0=$(date +%s%N)
window=$(timeout 180 xdotool search --sync --onlyvisible --name "$title" | head -1) \
  || { cat "$smoke/workbench.log"; fail "no workbench window within 180 s"; }
shown=$(( ($(date +%s%N) - t0) / 1000000 ))
# The window maps before JavaFX draws into it (on a loaded 2-core machine 15-30 s later): poll the
# screen until the scene is drawn, then give the bundled patterns, loading in the background, a moment.
colours=0
for _ in $(seq 90); do
  import -window root "$smoke/workbench.png"
  colours=$(identify -format %k "$smoke/workbench.png")
  [ "$colours" -gt 50 ] && break
  sleep 2
done
[ "$colours" -gt 50 ] || fail "the screenshot has $colours colours: nothing drawn within 180 s"
drawn=$(( ($(date +%s%N) - t0) / 1000000 ))
sleep 8
import -window root "$smoke/workbench.png"
pass "workbench window after $shown ms, drawn after $drawn ms, screenshot target/smoke/workbench.png"

# a second start with a file: handed to the running window, which stays the only one
t0=$(date +%s%N)
timeout 60 "$irw" "$here/sample-data/measured/Mn2O3.xy" > "$smoke/second.log" 2>&1 || { cat "$smoke/second.log"; fail "second start"; }
handed=$(( ($(date +%s%N) - t0) / 1000000 ))
sleep 8   # the window reads the file in the background
windows=$(xdotool search --onlyvisible --name "$title" | wc -l)
[ "$windows" = 1 ] || fail "$windows workbench windows after the second start"
kill -0 "$workbench" || fail "the first workbench exited"
import -window root "$smoke/handed-over.png"
pass "second start handed Mn2O3.xy over in $handed ms; still one window (target/smoke/handed-over.png)"

# the app wrote only to the user's folders: settings after a clean quit, natives in the cache
xdotool windowactivate --sync "$window" >/dev/null 2>&1 || xdotool windowfocus --sync "$window" || true
xdotool key --clearmodifiers ctrl+q
for _ in $(seq 100); do kill -0 "$workbench" 2>/dev/null || break; sleep 0.2; done
if kill -0 "$workbench" 2>/dev/null; then fail "the workbench did not quit on Ctrl+Q"; fi
workbench=
[ -f "$XDG_CONFIG_HOME/irw/settings.json" ] || fail "no settings in $XDG_CONFIG_HOME/irw"
[ -d "$XDG_CACHE_HOME/irw/javacpp" ] || [ -d "$XDG_CACHE_HOME/irw/openjfx" ] || fail "no natives cache in $XDG_CACHE_HOME/irw"
[ ! -e "$XDG_RUNTIME_DIR/irw/workbench.address" ] || fail "the hand-over address outlived the workbench"
stray=$(find "$image" -newer "$smoke/MnO.csv" -type f | head -5)
[ -z "$stray" ] || fail "the app wrote into its installation: $stray"
pass "quit on Ctrl+Q; settings in XDG_CONFIG_HOME, natives in XDG_CACHE_HOME, nothing written to the app image"

echo "smoke-test: all $checks checks ok"
echo "smoke-test wall time: $(( $(date +%s) - start )) s"
