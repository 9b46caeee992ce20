#!/usr/bin/env bash
# Prints the JDK modules the app and its runtime libraries use (jdeps print-module-deps), to check
# the jlink.modules list in the "package" profile of pom.xml after a dependency changes.
# jlink.modules adds two that static analysis cannot see: jdk.crypto.ec (TLS ECDHE suites) and
# jdk.unsupported (sun.misc.Unsafe, used reflectively).
#   packaging/jdeps-modules.sh        (after ./mvnw -Ppackage -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
input=target/jpackage/input
javafx=target/jpackage/javafx
[ -d "$input" ] && [ -d "$javafx" ] || { echo "run ./mvnw -Ppackage -DskipTests package first" >&2; exit 1; }
# Several libraries are modular jars whose module-info jdeps would resolve as modules (and one is
# compiled for a newer JDK), so analyse their classes as plain class-path directories.
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
for jar in "$input"/*.jar; do
  dir=$work/$(basename "$jar" .jar)
  mkdir -p "$dir" && (cd "$dir" && unzip -qo "$OLDPWD/$jar" -x 'module-info.class' 'META-INF/versions/*/module-info.class' 2>/dev/null || true)
done
jdeps --print-module-deps --ignore-missing-deps --multi-release 17 \
  --module-path "$javafx" --class-path "$work/*" "$work"/*
