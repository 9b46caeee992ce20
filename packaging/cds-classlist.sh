#!/usr/bin/env bash
# Class-data sharing (AppCDS) for the Linux packages, build half: a training run of the app image
# records the classes Legwatch loads while it starts and opens its first window
# (-XX:DumpLoadedClassList), into IMAGE/lib/app/legwatch.classlist, and the image's launcher is told
# to use IMAGE/lib/app/legwatch.jsa (-XX:SharedArchiveFile=$APPDIR/legwatch.jsa).
#
# The archive itself is dumped by packaging/cds-dump.sh (copied to IMAGE/lib/cds-dump.sh), which the
# .deb's postinst (packaging/linux/postinst) runs on the machine it
# is installed on: JDK 17 accepts an archive only with the exact class path it was dumped with
# (/opt/legwatch/lib/app/...), which does not exist at build time. A missing or stale archive (an
# edited jar) is ignored by the JVM without a message; the app then starts as it did without one.
#
#   packaging/cds-classlist.sh IMAGE      (run by `./mvnw -Ppackage package` after the app image)
#
# Needs Xvfb and xdotool (the training run opens the real window, demo mode, in a virtual display).
# Without them the image is left as it was, with a warning: the package works, it only starts slower.
set -euo pipefail
image=${1:?usage: cds-classlist.sh APP_IMAGE_DIR}
here=$(cd "$(dirname "$0")" && pwd)
launcher=$image/bin/Legwatch
cfg=$image/lib/app/Legwatch.cfg
classlist=$image/lib/app/legwatch.classlist
[ -x "$launcher" ] && [ -f "$cfg" ] || { echo "cds-classlist: no app image at $image" >&2; exit 1; }
rm -f "$classlist"
for tool in Xvfb xdotool python3; do
  command -v $tool >/dev/null || {
    echo "WARNING cds-classlist: $tool not found; the package is built WITHOUT a class-data sharing" \
      "archive and starts slower (apt-get install xvfb xdotool python3)" >&2
    exit 0
  }
done

d=; for n in $(seq 140 180); do [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { d=$n; break; }; done
[ -n "$d" ] || { echo "cds-classlist: no free X display number" >&2; exit 1; }
Xvfb ":$d" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
home=$(mktemp -d); app=
cleanup() { [ -z "$app" ] || kill -9 -- "-$app" 2>/dev/null || true; kill "$xvfb" 2>/dev/null || true; rm -rf "$home"; }
trap cleanup EXIT
export DISPLAY=":$d"
for _ in $(seq 1 50); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done

# A first start in demo mode (fresh home, no config): the classes of the toolkit, the theme, the main
# window and the wire demo (simulator front ends, connectors) that connects right after it.
env -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u XDG_CACHE_HOME HOME="$home" \
  _JAVA_OPTIONS="-Duser.home=$home -XX:DumpLoadedClassList=$classlist" \
  setsid "$launcher" --demo >"$home/training.log" 2>&1 & app=$!
win=
for _ in $(seq 1 1200); do
  win=$(xdotool search --onlyvisible --name '^Legwatch' 2>/dev/null | head -1) && [ -n "$win" ] && break
  kill -0 "$app" 2>/dev/null || { tail -20 "$home/training.log" >&2; echo "cds-classlist: the training run exited" >&2; exit 1; }
  sleep 0.05
done
[ -n "$win" ] || { echo "cds-classlist: no window after 60 s" >&2; exit 1; }
sleep 8   # the venues connect and the first snapshots are shown
python3 "$here/close-window.py" "$win"
for _ in $(seq 1 200); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$app" 2>/dev/null; then echo "cds-classlist: the training run did not exit after its window closed" >&2; exit 1; fi
wait "$app" || true
app=
[ -s "$classlist" ] || { echo "cds-classlist: the training run wrote no class list" >&2; exit 1; }

install -m 755 "$here/cds-dump.sh" "$image/lib/cds-dump.sh"
grep -q '^java-options=-XX:SharedArchiveFile=' "$cfg" \
  || sed -i 's|^\[JavaOptions\]$|[JavaOptions]\njava-options=-XX:SharedArchiveFile=$APPDIR/legwatch.jsa|' "$cfg"
grep -q '^java-options=-XX:SharedArchiveFile=' "$cfg" || { echo "cds-classlist: could not add the option to $cfg" >&2; exit 1; }
echo "cds-classlist: $(grep -vc '^#' "$classlist") classes in $classlist; launcher uses \$APPDIR/legwatch.jsa once installed"
