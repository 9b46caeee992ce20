#!/usr/bin/env bash
# Regenerates every Legwatch icon from the master SVG (icons/legwatch.svg):
#   icons/legwatch-N.png  for N in 16 24 32 48 64 128 256 512 1024
#   icons/legwatch.ico    (Windows: launcher, installer, shortcuts)
#   icons/legwatch.icns   (macOS: app bundle and .dmg)
#   src/main/resources/io/legwatch/ui/icons/legwatch-N.png  (window icons the running app loads)
# Debian tools only: rsvg-convert (librsvg2-bin), icotool (icoutils), png2icns (icnsutils).
# Missing ones are installed with apt-get. Run it after every change to the SVG and commit the output.
set -euo pipefail
cd "$(dirname "$0")"
master=legwatch.svg
sizes=(16 24 32 48 64 128 256 512 1024)
ico_sizes=(16 24 32 48 64 128 256)
# png2icns knows these sizes only (no 24/64).
icns_sizes=(16 32 48 128 256 512 1024)
app_sizes=(16 32 48 64 128 256)
app_dir=../src/main/resources/io/legwatch/ui/icons

missing=()
command -v rsvg-convert >/dev/null || missing+=(librsvg2-bin)
command -v icotool >/dev/null || missing+=(icoutils)
command -v png2icns >/dev/null || missing+=(icnsutils)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=; [ "$(id -u)" -eq 0 ] || sudo=sudo
  echo "installing ${missing[*]} ..."
  $sudo apt-get update -q && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi

for n in "${sizes[@]}"; do
  rsvg-convert -w "$n" -h "$n" "$master" -o "legwatch-$n.png"
done

# 256 px goes in as PNG (Vista+ format), the small ones as BMP for old shells.
ico_args=()
for n in "${ico_sizes[@]}"; do
  if [ "$n" -ge 256 ]; then ico_args+=(--raw="legwatch-$n.png"); else ico_args+=("legwatch-$n.png"); fi
done
icotool -c -o legwatch.ico "${ico_args[@]}"

icns_args=()
for n in "${icns_sizes[@]}"; do icns_args+=("legwatch-$n.png"); done
png2icns legwatch.icns "${icns_args[@]}" >/dev/null

mkdir -p "$app_dir"
for n in "${app_sizes[@]}"; do
  cp "legwatch-$n.png" "$app_dir/legwatch-$n.png"
done

echo "ico:  $(icotool -l legwatch.ico | wc -l) images"
echo "icns: $(icns2png -l legwatch.icns | grep -c '32-bit icon') images"
