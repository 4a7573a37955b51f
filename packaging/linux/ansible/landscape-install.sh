#!/bin/sh
# Canonical Landscape "run script" (as root) equivalent of vigil-agent.yml. Fill in the three values; attach the
# .deb to the script or host it on a school-only URL. Not run in CI.
set -e
CONSOLE="vigil.trust.example.org:8443"; PIN="<64 hex>"; TOKEN="<enrolment token>"
install -d -m 0700 /etc/vigil
umask 077
printf 'console.address=%s\nconsole.pin=%s\nenrol.token_file=enrol-token\nspool.path=/var/lib/vigil/spool.mv.db\nstate.path=/var/lib/vigil/state\nfilter.enabled=true\nfilter.listen=127.0.0.153:53\nfilter.upstream=1.1.1.3:53,9.9.9.9:53\n' \
    "$CONSOLE" "$PIN" >/etc/vigil/enrol.properties
[ -f /etc/vigil/agent.properties ] || printf '%s\n' "$TOKEN" >/etc/vigil/enrol-token
apt-get install -y ./vigil-agent.deb
