# Run by the MSI (custom action WriteEnrolment, as SYSTEM) with the CONSOLE, PIN and TOKEN properties: writes the
# zero-touch enrolment file and token file, readable by SYSTEM and Administrators only. NOT tested on Linux CI.
param([string]$Console, [string]$Pin, [string]$Token)
$ErrorActionPreference = "Stop"
$dir = New-Item -ItemType Directory -Force -Path "$env:ProgramData\Vigil"
icacls $dir.FullName /inheritance:r /grant:r "SYSTEM:(OI)(CI)F" "Administrators:(OI)(CI)F" | Out-Null
Set-Content -Encoding UTF8 -Path "$dir\enrol.properties" -Value @(
    "console.address=$Console", "console.pin=$Pin", "enrol.token_file=enrol-token",
    "filter.enabled=true", "filter.listen=127.0.0.153:53", "filter.upstream=1.1.1.3:53,9.9.9.9:53")
if ($Token) { Set-Content -Encoding UTF8 -NoNewline -Path "$dir\enrol-token" -Value $Token }
