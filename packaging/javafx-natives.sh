#!/usr/bin/env bash
# Puts JavaFX's native libraries (libglass, libprism_*, libjavafx_font*, ...) into the jlinked
# runtime's lib directory, where JavaFX looks first. The runtime is jlinked from the Maven JavaFX jars,
# whose natives are resources: without this step JavaFX copies them to ~/.openjfx/cache and checksums
# them (MD5 of ~0.8 MB) at every start, on the threads that start the toolkit and the renderer.
#
#   packaging/javafx-natives.sh JAVAFX_JAR_DIR RUNTIME_DIR    (run by `./mvnw -Ppackage package` after jlink)
#
# Linux only (the .so files of javafx-graphics-*-linux.jar). If this step is skipped the app still
# starts: JavaFX then falls back to unpacking the natives, as before.
set -euo pipefail
jars=${1:?usage: javafx-natives.sh JAVAFX_JAR_DIR RUNTIME_DIR}
runtime=${2:?usage: javafx-natives.sh JAVAFX_JAR_DIR RUNTIME_DIR}
jar=$(ls "$jars"/javafx-graphics-*.jar)
[ -d "$runtime/lib" ] || { echo "javafx-natives: no runtime at $runtime" >&2; exit 1; }
python3 - "$jar" "$runtime/lib" <<'PY'
import os, sys, zipfile
jar, lib = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(jar) as z:
    names = [n for n in z.namelist() if n.endswith('.so') and '/' not in n]
    if not names:
        sys.exit('javafx-natives: no native libraries in ' + jar)
    for n in names:
        target = os.path.join(lib, n)
        with z.open(n) as src, open(target, 'wb') as dst:
            dst.write(src.read())
        os.chmod(target, 0o755)
print('javafx-natives: %d libraries into %s' % (len(names), lib))
PY
