#!/usr/bin/env bash
# Builds the vigil-agent Debian package: a jlink runtime holding only the JDK modules the agent uses (found by
# jdeps), a jpackage app image (native launcher + jars + the flags of agent/jvm.options) under
# /opt/vigil-agent, the systemd units, the helper's autostart entry, the systemd-resolved drop-in and the
# maintainer scripts, assembled with dpkg-deb.
#
# Usage: packaging/linux/build-deb.sh [OUT_DIR]      (default OUT_DIR: packaging/target)
# Needs: the agent built (./mvnw -B package -pl agent -am -DskipTests), JAVA_HOME a JDK >= 21 with jlink,
# jdeps and jpackage; dpkg-deb and fakeroot (or root). Prints the path of the .deb as its last line.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$(mkdir -p "${1:-$root/packaging/target}" && cd "${1:-$root/packaging/target}" && pwd)"
jdk="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
agent="$root/agent/target"
name=vigil-agent

die() { echo "build-deb: $*" >&2; exit 2; }
for tool in jar jdeps jlink jpackage; do [ -x "$jdk/bin/$tool" ] || die "$jdk/bin/$tool not found (set JAVA_HOME to a full JDK >= 21)"; done
command -v dpkg-deb >/dev/null || die "dpkg-deb not found (apt-get install dpkg-dev)"
[ -f "$agent/vigil-agent.jar" ] && [ -d "$agent/lib" ] || die "$agent/vigil-agent.jar not built: ./mvnw -B package -pl agent -am -DskipTests"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Version: Implementation-Version of the jar; Debian wants ~ for pre-releases (0.1.0-SNAPSHOT -> 0.1.0~snapshot).
version="$(mkdir "$work/manifest" && cd "$work/manifest" && "$jdk/bin/jar" xf "$agent/vigil-agent.jar" META-INF/MANIFEST.MF \
    && sed -n 's/^Implementation-Version: *//p' META-INF/MANIFEST.MF | tr -d '\r')"
[ -n "$version" ] || die "no Implementation-Version in vigil-agent.jar"
debversion="$(echo "$version" | sed 's/-SNAPSHOT$/~snapshot/; s/-/~/g')"

mkdir -p "$work/input"
cp "$agent/vigil-agent.jar" "$work/input/"
cp "$agent"/lib/*.jar "$work/input/"

# 1. Only the modules the code references. Some are reached through reflection or service loading, which jdeps
# cannot see: jdk.crypto.ec is not needed on JDK >= 22 (EC is in java.base); jdk.zipfs/jdk.localedata are not used.
modules="$("$jdk/bin/jdeps" --multi-release 21 --ignore-missing-deps --print-module-deps \
    --class-path "$work/input/*" "$work/input/vigil-agent.jar")"
echo "build-deb: runtime modules: $modules" >&2
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
    --compress=zip-6 --output "$work/runtime"
# (gzip, not xz, for the .deb below: xz costs minutes of CI time on 2 busy cores for ~15 % smaller downloads.)

# 2. The app image: native launcher whose .cfg carries the JVM flags of agent/jvm.options (what was measured).
java_options=()
while IFS= read -r line; do
    line="${line%%#*}"; line="${line//[[:space:]]/}"
    [ -n "$line" ] && java_options+=(--java-options "$line")
done <"$root/agent/jvm.options"
"$jdk/bin/jpackage" --type app-image --name "$name" --app-version "${version%%-*}" \
    --vendor "Vigil" --description "Vigil safeguarding agent" \
    --input "$work/input" --main-jar vigil-agent.jar --main-class io.vigil.agent.AgentMain \
    --runtime-image "$work/runtime" "${java_options[@]}" --dest "$work/image"

# 3. The package tree.
pkg="$work/pkg"
mkdir -p "$pkg/opt" "$pkg/DEBIAN"
cp -a "$work/image/$name" "$pkg/opt/$name"
install -D -m 0644 "$here/systemd/vigil-agent.service" "$pkg/lib/systemd/system/vigil-agent.service"
install -D -m 0644 "$here/systemd/vigil-session-helper.service" "$pkg/usr/lib/systemd/user/vigil-session-helper.service"
install -D -m 0644 "$here/systemd/vigil-session-helper.desktop" "$pkg/etc/xdg/autostart/vigil-session-helper.desktop"
# In /usr/lib (vendor config), not /etc: dpkg removes it with the package, where an /etc conffile would stay
# until purge and keep DNS pointed at a filter that is no longer there.
install -D -m 0644 "$here/systemd/vigil.conf" "$pkg/usr/lib/systemd/resolved.conf.d/vigil.conf"
doc="$pkg/usr/share/doc/$name"
install -D -m 0644 "$here/debian/copyright" "$doc/copyright"
install -D -m 0644 "$here/debian/README.Debian" "$doc/README.Debian"
install -D -m 0644 "$here/enrol.properties.example" "$doc/examples/enrol.properties"
printf '%s (%s) unstable; urgency=medium\n\n  * Package built by packaging/linux/build-deb.sh.\n\n -- Vigil <packaging@vigil.invalid>  %s\n' \
    "$name" "$debversion" "$(date -R -d @"${SOURCE_DATE_EPOCH:-$(date +%s)}")" | gzip -9n >"$doc/changelog.gz"
install -D -m 0644 "$here/debian/lintian-overrides" "$pkg/usr/share/lintian/overrides/$name"
for script in postinst prerm postrm; do install -m 0755 "$here/debian/$script" "$pkg/DEBIAN/$script"; done
echo "/etc/xdg/autostart/vigil-session-helper.desktop" >"$pkg/DEBIAN/conffiles"

# Debian ships no debug symbols in binary packages (lintian: unstripped-binary-or-object); the JDK's are
# tens of MB of the runtime.
find "$pkg/opt" -type f -exec sh -c \
    'for f; do head -c4 "$f" | grep -q "ELF" && strip --strip-unneeded --remove-section=.comment --remove-section=.note "$f"; done; true' sh {} +
# Launcher and runtime libraries: executable bits as jpackage left them; everything else readable.
chmod -R u+rwX,go+rX,go-w "$pkg/opt"
installed_kb="$(du -sk --exclude=DEBIAN "$pkg" | cut -f1)"
cat >"$pkg/DEBIAN/control" <<CONTROL
Package: $name
Version: $debversion
Section: admin
Priority: optional
Architecture: amd64
Maintainer: Vigil <packaging@vigil.invalid>
Installed-Size: $installed_kb
Depends: libc6, zlib1g, libx11-6, libxext6, libxi6, libxrender1, libxtst6, libxt6, libxinerama1, libxkbcommon-x11-0, libx11-xcb1, x11-utils, init-system-helpers (>= 1.58)
Recommends: systemd-resolved | systemd
Homepage: https://vigil.invalid/
Description: Vigil safeguarding agent for school-owned devices
 The system service applies the school's web filter on the device (a local
 DNS resolver), spools alerts durably and delivers them to the school's Vigil
 console over pinned TLS. A per-user session helper, started at log-on,
 matches what the pupil types and views against safeguarding keyword lists.
 .
 Installed by an MDM; enrols itself on first start from
 /etc/vigil/enrol.properties. See /usr/share/doc/vigil-agent/README.Debian.
CONTROL

deb="$out/${name}_${debversion}_amd64.deb"
rm -f "$deb"
if [ "$(id -u)" = 0 ]; then
    dpkg-deb --root-owner-group -Zgzip --build "$pkg" "$deb" >&2
else
    command -v fakeroot >/dev/null || die "not root and fakeroot not found"
    fakeroot dpkg-deb --root-owner-group -Zgzip --build "$pkg" "$deb" >&2
fi
echo "$deb"
