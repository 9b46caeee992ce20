#!/usr/bin/env bash
# Start-to-first-window timing of an app image (no install needed): starts its launcher in demo mode
# under a virtual display N times, polls for the window like packaging/smoke-test-linux.sh does, and
# reports wall time and the app's CPU time (user + system, all threads) when the window appeared,
# the wall time until its first frame is painted (the window is mapped white before that),
# plus the app's own start-up timeline (the "Start-up timeline" log line) for each run.
#
#   packaging/start-time.sh [--runs N] [--image DIR] [--] [launcher arguments, default --demo]
#     --image DIR   an app image (default target/installers/Legwatch, from `./mvnw -Ppackage package`)
#     --runs N      starts (default 5); every run shares one fresh HOME, so run 1 is a first start
#     --threads     also print the CPU time of the app's busiest threads when the window appeared
#
# Extra JVM options for an experiment: START_TIME_JAVA_OPTIONS='-Xlog:class+load:file=/tmp/cl.txt'.
# Output: one line per run, then min/median/max, and the load average before and after.
set -euo pipefail
cd "$(dirname "$0")/.."
image=target/installers/Legwatch; runs=5; threads=0
while [ $# -gt 0 ]; do
  case $1 in
    --image) image=$2; shift;;
    --runs) runs=$2; shift;;
    --threads) threads=1;;
    --) shift; break;;
    *) break;;
  esac
  shift
done
args=("$@"); [ ${#args[@]} -gt 0 ] || args=(--demo)
launcher=$image/bin/Legwatch
[ -x "$launcher" ] || { echo "no launcher $launcher (build with ./mvnw -Ppackage -DskipTests package)" >&2; exit 2; }

d=; for n in $(seq 90 130); do [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { d=$n; break; }; done
[ -n "$d" ] || { echo "no free X display number" >&2; exit 1; }
Xvfb ":$d" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
export DISPLAY=":$d"
home=$(mktemp -d); app=
cleanup() { [ -z "$app" ] || kill -9 -- "-$app" 2>/dev/null || true; kill "$xvfb" 2>/dev/null || true; rm -rf "$home"; }
trap cleanup EXIT
for _ in $(seq 1 50); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done

echo "image: $image  args: ${args[*]}  load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs"
times=(); cpus=(); paints=()
for run in $(seq 1 "$runs"); do
  log=$home/run-$run.log
  t0=$(date +%s%N)
  env -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u XDG_CACHE_HOME HOME="$home" _JAVA_OPTIONS="-Duser.home=$home ${START_TIME_JAVA_OPTIONS:-}" \
    setsid "$launcher" "${args[@]}" >"$log" 2>&1 & app=$!
  win=
  for _ in $(seq 1 3000); do
    win=$(xdotool search --onlyvisible --name '^Legwatch' 2>/dev/null | head -1) && [ -n "$win" ] && break
    kill -0 "$app" 2>/dev/null || { tail -40 "$log"; st=0; wait "$app" || st=$?; echo "run $run: the app exited (status $st) before its window appeared" >&2; exit 1; }
    sleep 0.02
  done
  t1=$(date +%s%N)
  [ -n "$win" ] || { echo "run $run: no window after 60 s" >&2; exit 1; }
  ms=$(( (t1 - t0) / 1000000 ))
  cpu=$(sed 's/.*) //' "/proc/$app/stat" | awk -v hz="$(getconf CLK_TCK)" '{ print int(($12 + $13) * 1000 / hz) }')
  times+=("$ms"); cpus+=("$cpu")
  if [ $threads = 1 ]; then
    per_thread=$(for t in /proc/$app/task/*; do
        sed 's/^[0-9]* (\(.*\)) \(.*\)/\1|\2/' "$t/stat" 2>/dev/null
      done | awk -F'|' -v hz="$(getconf CLK_TCK)" '{ split($2, f, " "); ms = (f[12] + f[13]) * 1000 / hz;
        if (ms > 0) printf "%d %s\n", ms, $1 }' | sort -rn | head -12 | awk '{ $1 = $1 " ms"; print }' | paste -sd ',' -)
  fi
  # The window is mapped (white) before JavaFX paints its first frame into it: poll one pixel of the
  # toolbar (white, or black while unmapped; the theme's dark grey once painted) every 50 ms.
  painted=
  for _ in $(seq 1 1200); do
    px=$(import -window "$win" -crop 1x1+300+20 -format '%[hex:p{0,0}]' info: 2>/dev/null || true)
    case $px in ''|FFFFFF*|000000*) ;; *) painted=$(( ($(date +%s%N) - t0) / 1000000 )); break;; esac
    sleep 0.05
  done
  [ -n "$painted" ] || { echo "run $run: the window was not painted within 60 s" >&2; exit 1; }
  paints+=("$painted")
  sleep 2   # let the app log its timeline (first frame) before it is stopped
  timeline=$(grep -ho 'Start-up timeline.*' "$log" "$home"/.local/share/legwatch/logs/*.log 2>/dev/null | tail -1 || true)
  echo "run $run: window after $ms ms, $cpu ms CPU, first frame painted after $painted ms  ${timeline}"
  [ $threads = 0 ] || echo "  threads: $per_thread"
  kill -- "-$app" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
  kill -9 -- "-$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  app=
  [ -z "${START_TIME_KEEP_LOGS:-}" ] || cp "$log" "$START_TIME_KEEP_LOGS/run-$run.log"
  rm -rf "$home"/.local/share/legwatch/logs
done
stats() { mapfile -t s < <(printf '%s\n' "$@" | sort -n); n=${#s[@]}; echo "min ${s[0]}  median ${s[$(( n / 2 ))]}  max ${s[$(( n - 1 ))]}  all: $*"; }
echo "wall ms to window: $(stats "${times[@]}")"
echo "CPU ms to window:  $(stats "${cpus[@]}")"
echo "wall ms to the first painted frame: $(stats "${paints[@]}")"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
