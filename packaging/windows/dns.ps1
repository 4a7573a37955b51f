# Points Windows' resolver at the Vigil filter (127.0.0.153) and undoes it with -Undo.
# NRPT rule for "." sends every name to the filter whatever the adapter says (Wi-Fi at home, DHCP, most VPNs);
# the adapter setting covers tools that ignore NRPT. Run as SYSTEM/Administrator. NOT tested on the Linux CI.
param([switch]$Undo, [string]$Filter = "127.0.0.153")
$ErrorActionPreference = "Stop"
$comment = "Vigil filter"
Get-DnsClientNrptRule | Where-Object Comment -eq $comment | ForEach-Object { Remove-DnsClientNrptRule -Name $_.Name -Force }
if ($Undo) {
    Get-NetAdapter | Where-Object Status -eq Up | ForEach-Object {
        Set-DnsClientServerAddress -InterfaceIndex $_.ifIndex -ResetServerAddresses }
    return
}
Add-DnsClientNrptRule -Namespace "." -NameServers $Filter -Comment $comment
Get-NetAdapter | Where-Object Status -eq Up | ForEach-Object {
    Set-DnsClientServerAddress -InterfaceIndex $_.ifIndex -ServerAddresses $Filter }
# Browsers' own DNS-over-HTTPS bypasses both: turn it off by policy (Edge/Chrome "DnsOverHttpsMode"="off").
foreach ($key in "HKLM:\SOFTWARE\Policies\Microsoft\Edge", "HKLM:\SOFTWARE\Policies\Google\Chrome") {
    New-Item -Force -Path $key | Out-Null
    Set-ItemProperty -Path $key -Name DnsOverHttpsMode -Value "off"
}
