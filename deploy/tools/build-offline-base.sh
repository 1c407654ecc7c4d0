#!/usr/bin/env bash
# Builds a JRE 17 base image with no registry and no Docker daemon, for offline image builds:
# a jlink'ed runtime made from the local JDK (at /opt/java/openjdk, as in eclipse-temurin) plus the
# shared libraries `ldd` says it needs, on an otherwise empty root, written as a `docker save` tar.
#
#   deploy/tools/build-offline-base.sh [OUT.tar]       (default: target/offline-base/jre17-base.tar)
#   ./mvnw -Pimages -Dimage.base=tar://$(realpath OUT.tar) -pl ingest-service,... -am package -DskipTests
#
# Needs a JDK 17 with jmods (Debian: openjdk-17-jdk-headless), ldd, tar, sha256sum. Idempotent: an
# existing OUT.tar built from the same JDK is kept.
set -euo pipefail
cd "$(dirname "$0")/../.."

OUT="${1:-target/offline-base/jre17-base.tar}"
IMAGE_NAME="bulletin-search/jre17-offline-base:latest"
JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
# What Quarkus with Kafka, Hibernate/JDBC, Vert.x, Micrometer and TLS uses; about a Temurin JRE.
MODULES="java.base,java.compiler,java.datatransfer,java.desktop,java.instrument,java.logging,java.management,\
java.management.rmi,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,\
java.security.sasl,java.sql,java.sql.rowset,java.transaction.xa,java.xml,java.xml.crypto,jdk.crypto.cryptoki,\
jdk.crypto.ec,jdk.jfr,jdk.management,jdk.management.agent,jdk.naming.dns,jdk.net,jdk.security.auth,\
jdk.security.jgss,jdk.unsupported,jdk.zipfs"

log() { echo "build-offline-base: $*" >&2; }
[[ -d "$JAVA_HOME/jmods" ]] || { log "no jmods in $JAVA_HOME (install a full JDK 17)"; exit 1; }

stamp_value="$("$JAVA_HOME/bin/java" -version 2>&1 | tr '\n' ' ')|$MODULES"
if [[ -f "$OUT" && -f "$OUT.stamp" && "$(cat "$OUT.stamp")" == "$stamp_value" ]]; then
  log "$OUT is up to date"
  echo "$OUT"
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/rootfs"
mkdir -p "$root/opt/java" "$root/tmp" "$root/etc" "$root/deployments"
chmod 1777 "$root/tmp"

log "jlink from $JAVA_HOME"
"$JAVA_HOME/bin/jlink" --module-path "$JAVA_HOME/jmods" --add-modules "$MODULES" \
  --strip-debug --no-man-pages --no-header-files --compress=2 --output "$root/opt/java/openjdk"

# The C libraries the runtime links against, at the paths the dynamic loader looks them up (not the
# JRE's own, found through $ORIGIN; not those of the X11, sound and splash-screen parts: headless).
find "$root/opt/java/openjdk" -type f \( -name '*.so' -o -path '*/bin/*' \) \
    ! -name 'libawt_xawt.so' ! -name 'libsplashscreen.so' ! -name 'libjsound.so' -print0 |
  xargs -0 ldd 2>/dev/null | awk '/=> \// { print $3 } /^[ \t]*\/.*ld-linux/ { print $1 }' |
  grep -v "^$work/" | sort -u |
  while read -r lib; do
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
  done
# The loader itself, by the path the java binary names (e.g. /lib64/ld-linux-x86-64.so.2).
interp="$(readelf -l "$root/opt/java/openjdk/bin/java" 2>/dev/null | sed -n 's/.*Requesting program interpreter: \(.*\)]/\1/p')"
if [[ -n "$interp" && ! -e "$root$interp" ]]; then
  mkdir -p "$root$(dirname "$interp")"
  cp -L "$interp" "$root$interp"
fi

# A name for the images' user (185, as in Red Hat's OpenJDK images) and root.
printf 'root:x:0:0:root:/root:/sbin/nologin\ndefault:x:185:185:default:/deployments:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\ndefault:x:185:\n' > "$root/etc/group"

# `docker save` layout: one uncompressed layer, its config and the manifest.
image="$work/image"
mkdir -p "$image"
tar --sort=name --numeric-owner --owner=0 --group=0 --mtime='@0' -C "$root" -cf "$image/layer.tar" .
diff_id="sha256:$(sha256sum "$image/layer.tar" | cut -d' ' -f1)"
cat > "$image/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                  "JAVA_HOME=/opt/java/openjdk","LANG=C.UTF-8"],"WorkingDir":"/"},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"deploy/tools/build-offline-base.sh: jlink + ldd libraries"}]}
JSON
printf '[{"Config":"config.json","RepoTags":["%s"],"Layers":["layer.tar"]}]\n' "$IMAGE_NAME" > "$image/manifest.json"

mkdir -p "$(dirname "$OUT")"
tar --numeric-owner --owner=0 --group=0 -C "$image" -cf "$OUT.tmp" manifest.json config.json layer.tar
mv -f "$OUT.tmp" "$OUT"
echo "$stamp_value" > "$OUT.stamp"
log "wrote $OUT ($(du -h "$OUT" | cut -f1), $IMAGE_NAME)"
echo "$OUT"
