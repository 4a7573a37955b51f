#!/bin/sh
# Points every macOS network service's DNS at the Vigil filter (127.0.0.153); "dns.sh undo" restores DHCP's.
# A configuration profile with a com.apple.dnsSettings.managed payload (DNSSettings ServerAddresses 127.0.0.153)
# is the MDM alternative that users cannot change in System Settings. NOT tested on the Linux CI.
set -e
servers="127.0.0.153"; [ "${1:-}" = "undo" ] && servers="Empty"
networksetup -listallnetworkservices | tail -n +2 | sed 's/^\*//' | while IFS= read -r service; do
    networksetup -setdnsservers "$service" $servers
done
dscacheutil -flushcache; killall -HUP mDNSResponder 2>/dev/null || true
