#!/usr/bin/env bash
# Builds vigil-agent.pkg on a macOS runner (NOT built or tested on the Linux CI; README "What is tested where").
# Needs a JDK >= 21 and the agent built. The pkg installs /Applications/vigil-agent.app, a LaunchDaemon (the
# service, as root) and a LaunchAgent (the session helper, in every user's GUI session); its postinstall loads
# both. Deploy with Jamf or Intune together with vigil-pppc.mobileconfig (Input Monitoring / Accessibility) and
# an enrolment file at /Library/Application Support/Vigil/enrol.properties (see ../linux/enrol.properties.example).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
jdk="${JAVA_HOME:?set JAVA_HOME}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
mkdir -p "$work/input"
cp "$root/agent/target/vigil-agent.jar" "$root"/agent/target/lib/*.jar "$work/input/"
modules="$("$jdk/bin/jdeps" --multi-release 21 --ignore-missing-deps --print-module-deps \
    --class-path "$work/input/*" "$work/input/vigil-agent.jar")"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=zip-6 \
    --output "$work/runtime"
opts=()
while IFS= read -r l; do l="${l%%#*}"; l="${l//[[:space:]]/}"; [ -n "$l" ] && opts+=(--java-options "$l"); done \
    <"$root/agent/jvm.options"
version="$(sed -n 's:.*<version>\([0-9.]*\).*:\1:p' "$root/agent/pom.xml" | head -1)"
"$jdk/bin/jpackage" --type pkg --name vigil-agent --app-version "$version" --vendor Vigil \
    --mac-package-identifier io.vigil.agent --input "$work/input" --main-jar vigil-agent.jar \
    --main-class io.vigil.agent.AgentMain --runtime-image "$work/runtime" "${opts[@]}" \
    --resource-dir "$root/packaging/macos/resources" --dest "${1:-$root/packaging/target}"
