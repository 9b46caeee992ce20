#!/bin/sh
# Class-data sharing (AppCDS) for an installed Legwatch, install half (the build half is
# packaging/cds-classlist.sh): dumps lib/app/legwatch.jsa from the class list recorded at build time,
# with the class path and JVM options of this installation's launcher (JDK 17 uses an archive only
# with the exact class path, and the same heap/GC settings, it was dumped with).
# Shipped in the app image as lib/cds-dump.sh; run by the .deb's postinst (as root, after install).
# Removing the archive is always safe: the JVM then loads every class as before, only slower.
#
#   lib/cds-dump.sh          exit 0 also when there is no class list (nothing to do)
set -u
lib=$(cd "$(dirname "$0")" && pwd -P)
app=$lib/app
cfg=$app/Legwatch.cfg
classlist=$app/legwatch.classlist
archive=$app/legwatch.jsa
[ -f "$classlist" ] && [ -f "$cfg" ] || exit 0
rm -f "$archive"
# The class path exactly as the launcher builds it: its entries in order, $APPDIR made absolute.
cp=$(sed -n "s|^app.classpath=\\\$APPDIR|$app|p" "$cfg" | paste -sd: -)
# The launcher's JVM options (heap size, GC, exports), without the archive option itself.
opts=$(sed -n 's/^java-options=//p' "$cfg" | grep -v -- '-XX:SharedArchiveFile=')
# shellcheck disable=SC2086 # one option per word, by construction of the cfg file
if "$lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$classlist" -XX:SharedArchiveFile="$archive" \
     $opts -cp "$cp" >/dev/null 2>&1 && [ -s "$archive" ]; then
  exit 0
fi
rm -f "$archive"
echo "Legwatch: the class-data sharing archive could not be made; Legwatch starts without it (slower)." >&2
exit 0
