#!/usr/bin/env bash
# Linux installer smoke test: build the installers, install the .deb, start the installed launcher in
# demo mode under a virtual display, check that the main window appears, take a screenshot, close
# the window the way a window manager would, and uninstall. Also measures the installer and installed
# sizes and the time from exec to the first window.
#
#   packaging/smoke-test-linux.sh [--no-build] [--runs N]      (from anywhere; needs root or sudo)
#     --no-build   reuse target/installers from an earlier `./mvnw -Ppackage package`
#     --runs N     start the installed app N times to time it (default 5; run 1 has a fresh HOME)
#     --nice N     start the app under `nice -n N` (e.g. -20 to time it ahead of other busy work)
#
# Output: target/smoke/summary.txt, target/smoke/window.png, target/smoke/app-*.log
# Exit status 0 only if every check passed.
set -euo pipefail
cd "$(dirname "$0")/.."

build=1; runs=5; niceness=0
while [ $# -gt 0 ]; do
  case $1 in
    --no-build) build=0;;
    --runs) runs=$2; shift;;
    --nice) niceness=$2; shift;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
  shift
done
[ "$runs" -ge 1 ] || { echo "--runs must be at least 1" >&2; exit 2; }

sudo=; [ "$(id -u)" -eq 0 ] || sudo=sudo
out=target/smoke
title='^Legwatch'
launcher=/opt/legwatch/bin/Legwatch
rm -rf "$out"; mkdir -p "$out"
summary=$out/summary.txt; : >"$summary"
say() { echo "$*" | tee -a "$summary"; }
fail() { say "FAIL: $*"; exit 1; }

# --- tools ---------------------------------------------------------------------------------------
missing=()
command -v Xvfb >/dev/null || missing+=(xvfb)
command -v xdotool >/dev/null || missing+=(xdotool)
command -v xprop >/dev/null || missing+=(x11-utils)
command -v import >/dev/null || missing+=(imagemagick)
command -v python3 >/dev/null || missing+=(python3)
if [ $build = 1 ]; then
  command -v rpmbuild >/dev/null || missing+=(rpm)
  command -v fakeroot >/dev/null || missing+=(fakeroot)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} ..."
  $sudo apt-get -o DPkg::Lock::Timeout=300 update -q >/dev/null
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -q "${missing[@]}" >/dev/null
fi

# --- build ---------------------------------------------------------------------------------------
if [ $build = 1 ]; then
  t0=$(date +%s)
  ./mvnw -B -q -Ppackage -DskipTests package
  say "build: ./mvnw -B -q -Ppackage -DskipTests package took $(( $(date +%s) - t0 )) s (app image, .deb, .rpm)"
fi
first_file() { for f in "$@"; do [ -e "$f" ] && { echo "$f"; return; }; done; return 0; }
deb=$(first_file target/installers/legwatch_*.deb)
rpm=$(first_file target/installers/legwatch-*.rpm)
[ -n "$deb" ] || fail "no .deb in target/installers (build with -Ppackage first)"
mib() { awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }
say "deb:       $(basename "$deb")  $(mib "$(stat -c %s "$deb")")"
if [ -n "$rpm" ]; then say "rpm:       $(basename "$rpm")  $(mib "$(stat -c %s "$rpm")")"; fi
if [ -d target/installers/Legwatch ]; then
  say "app image: target/installers/Legwatch  $(mib "$(du -sb target/installers/Legwatch | cut -f1)")"
fi

# --- install -------------------------------------------------------------------------------------
xvfb=; app=; home=; installed=0
cleanup() {
  [ -n "$app" ] && kill -9 -- "-$app" 2>/dev/null || true
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
  [ -z "$home" ] || rm -rf "$home"
  if [ $installed = 1 ]; then
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 purge -y -q legwatch >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

# xdg-desktop-menu refuses to add the menu entry without this directory (missing on headless boxes).
$sudo mkdir -p /usr/share/desktop-directories
$sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -q "./$deb" >"$out/apt-install.log" 2>&1 \
  || { tail -20 "$out/apt-install.log"; fail "apt-get install ./$deb"; }
installed=1
[ -x "$launcher" ] || fail "$launcher missing after install"
say "installed: /opt/legwatch  $(mib "$(du -sb /opt/legwatch | cut -f1)")"

desktop=/usr/share/applications/legwatch-Legwatch.desktop
[ -f "$desktop" ] || fail "no menu entry $desktop"
grep -q '^Categories=Office;Finance;' "$desktop" || fail "menu entry lacks Categories=Office;Finance;"
say "menu entry: $desktop ($(grep '^Categories=' "$desktop"))"
deps=$(dpkg-query -W -f='${Depends}' legwatch)
for d in libgtk-3-0 libgl1 libxtst6 libxxf86vm1; do
  [[ $deps == *"$d"* ]] || fail "package does not depend on $d"
done
say "package depends on libgtk-3-0, libgl1, libxtst6, libxxf86vm1: yes"

# --- runtime: modules and TLS --------------------------------------------------------------------
runtime=/opt/legwatch/lib/runtime
say "runtime modules: $(sed -n 's/^MODULES="\(.*\)"/\1/p' "$runtime/release")"
grep -q 'jdk.crypto.ec' "$runtime/release" || fail "jdk.crypto.ec missing from the runtime"
tls=$(mktemp -d)
cat >"$tls/TlsCheck.java" <<'EOF'
import java.security.KeyStore;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Prints what the installed runtime can do for TLS, without touching the network. */
public class TlsCheck {
    public static void main(String[] args) throws Exception {
        String[] suites = SSLContext.getDefault().getDefaultSSLParameters().getCipherSuites();
        long ecdhe = Arrays.stream(suites).filter(s -> s.contains("_ECDHE_")).count();
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        int anchors = ((X509TrustManager) tmf.getTrustManagers()[0]).getAcceptedIssuers().length;
        System.out.println(ecdhe + " " + anchors);
    }
}
EOF
javac --release 17 -d "$tls" "$tls/TlsCheck.java"
read -r ecdhe anchors < <("$runtime/bin/java" -cp "$tls" TlsCheck)
rm -rf "$tls"
say "runtime TLS: $ecdhe ECDHE cipher suites, $anchors trusted CA certificates"
[ "$ecdhe" -gt 0 ] && [ "$anchors" -gt 0 ] || fail "the runtime cannot make TLS connections to real venues"

# --- start, look, close --------------------------------------------------------------------------
d=; for n in $(seq 90 120); do [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { d=$n; break; }; done
[ -n "$d" ] || fail "no free X display number"
Xvfb ":$d" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
export DISPLAY=":$d"
for _ in $(seq 1 50); do xdpyinfo >/dev/null 2>&1 || xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done

# Closes a window the way a window manager's close button does: WM_PROTOCOLS/WM_DELETE_WINDOW.
close_window() {
  python3 packaging/close-window.py "$1"
}

# A throwaway user home, shared by all runs: no config there, so the app opens in demo mode, and
# run 1 is a true first start (JavaFX unpacks its natives to ~/.openjfx/cache). Java takes
# user.home from the password database, not from $HOME, hence -Duser.home as well.
home=$(mktemp -d)

# start_app NAME ARG...: starts the launcher, waits for its window; sets app, win, ms and cpu.
start_app() {
  local name=$1 log=$out/app-$1.log t0 t1; shift
  t0=$(date +%s%N)
  env -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u XDG_CACHE_HOME HOME="$home" _JAVA_OPTIONS="-Duser.home=$home" \
    nice -n "$niceness" setsid "$launcher" "$@" >"$log" 2>&1 & app=$!
  win=
  # Poll every 20 ms for 60 s; --onlyvisible skips GTK's unmapped leader window of the same name.
  for _ in $(seq 1 3000); do
    win=$(xdotool search --onlyvisible --name "$title" 2>/dev/null | head -1) && [ -n "$win" ] && break
    kill -0 "$app" 2>/dev/null || { tail -5 "$log"; fail "$name: the app exited before its window appeared"; }
    sleep 0.02
  done
  t1=$(date +%s%N)
  [ -n "$win" ] || { import -window root "$out/timeout.png" 2>/dev/null || true; fail "$name: no window titled Legwatch after 60 s"; }
  ms=$(( (t1 - t0) / 1000000 ))
  # CPU time (user + system, all threads) the app had used when its window appeared: less
  # sensitive than wall time to other work on the machine.
  cpu=$(sed 's/.*) //' "/proc/$app/stat" | awk -v hz="$(getconf CLK_TCK)" '{ print int(($12 + $13) * 1000 / hz) }')
}

# stop_app NAME: closes the window like a window manager would and waits for the app to exit.
stop_app() {
  close_window "$win"
  for _ in $(seq 1 100); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$app" 2>/dev/null && fail "$1: the app still runs 10 s after its window was closed"
  wait "$app" || true
  app=
}

times=(); cpus=()
for run in $(seq 1 "$runs"); do
  start_app "run-$run" --demo
  times+=("$ms"); cpus+=("$cpu")
  say "run $run: window '$(xdotool getwindowname "$win")' after $ms ms, $cpu ms CPU$([ "$run" = 1 ] && echo ' (first start: fresh HOME)')"
  if [ "$run" = 1 ]; then
    sleep 3   # let the first frames render before the screenshot
    import -window root "$out/window.png"
    say "screenshot: $out/window.png"
    # The desktop shell groups the window under the menu entry only if StartupWMClass matches
    # the window's WM_CLASS, which JavaFX takes from the Application subclass name.
    wm_class=$(xprop -id "$win" WM_CLASS | sed 's/.*= "\([^"]*\)".*/\1/')
    wanted=$(sed -n 's/^StartupWMClass=//p' "$desktop")
    [ "$wm_class" = "$wanted" ] || fail "window WM_CLASS '$wm_class' but the menu entry says StartupWMClass=$wanted (update packaging/linux/Legwatch.desktop)"
    say "WM_CLASS: $wm_class (matches StartupWMClass)"
    # The app loads src/main/resources/io/legwatch/ui/icons/legwatch-N.png as its window icons.
    icon=$(xprop -id "$win" _NET_WM_ICON 2>&1 || true)
    [[ $icon != *"not found"* ]] || fail "the window has no icon (_NET_WM_ICON)"
    say "window icon: set (_NET_WM_ICON)"
  fi
  stop_app "run $run"
done

[ ! -d "$home/.openjfx/cache" ] || say "JavaFX natives unpacked on first start to: ~/.openjfx/cache ($(du -sh "$home/.openjfx/cache" | cut -f1))"
mapfile -t sorted < <(printf '%s\n' "${times[@]}" | sort -n)
n=${#sorted[@]}
say "start to window (ms, $n runs, 20 ms polling): min ${sorted[0]}  median ${sorted[$(( n / 2 ))]}  max ${sorted[$(( n - 1 ))]}  all: ${times[*]}"
mapfile -t sorted < <(printf '%s\n' "${cpus[@]}" | sort -n)
say "CPU time to window (ms): min ${sorted[0]}  median ${sorted[$(( n / 2 ))]}  max ${sorted[$(( n - 1 ))]}  all: ${cpus[*]}"
say "load average after the timed runs: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs; app niceness $niceness"

# What the menu entry runs: its Exec line, no arguments. With no config this must open demo mode.
exec_line=$(sed -n 's/^Exec=//p' "$desktop")
[ "$exec_line" = "$launcher" ] || fail "menu entry runs '$exec_line', expected $launcher"
start_app menu-entry
say "menu entry start (no arguments): window '$(xdotool getwindowname "$win")' after $ms ms"
stop_app "menu entry start"

rm -rf "$home"; home=

# --- uninstall -----------------------------------------------------------------------------------
$sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 purge -y -q legwatch >"$out/apt-remove.log" 2>&1 \
  || fail "apt-get purge legwatch"
installed=0
[ ! -e /opt/legwatch ] || fail "/opt/legwatch still there after uninstall"
[ ! -e "$desktop" ] || fail "$desktop still there after uninstall"
say "uninstall: /opt/legwatch and the menu entry are gone"
say "PASS"
