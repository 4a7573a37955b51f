# Intune Win32 app install command (run as SYSTEM):
#   powershell -ExecutionPolicy Bypass -File install-intune.ps1 -Console host:8443 -Pin <sha256> -TokenFile token.txt
# Installs the MSI with its properties, points Windows DNS at the filter and registers the per-user helper.
# Uninstall command: powershell -ExecutionPolicy Bypass -File dns.ps1 -Undo; msiexec /x {product-code} /qn
# NOT built or tested on the Linux CI (README "What is tested where").
param([Parameter(Mandatory)][string]$Console, [Parameter(Mandatory)][string]$Pin, [Parameter(Mandatory)][string]$TokenFile)
$ErrorActionPreference = "Stop"
$token = (Get-Content -Raw $TokenFile).Trim()   # from a file, never typed on a command line others can read
$p = Start-Process msiexec.exe -Wait -PassThru -ArgumentList @("/i", "`"$PSScriptRoot\vigil-agent.msi`"", "/qn",
    "CONSOLE=$Console", "PIN=$Pin", "TOKEN=$token")
if ($p.ExitCode -ne 0) { throw "msiexec failed with $($p.ExitCode)" }
Remove-Item $TokenFile -Force

& "$PSScriptRoot\dns.ps1"

# The session helper for whoever logs on (a Run key would do too; a task restarts it if it is killed).
$action = New-ScheduledTaskAction -Execute "$env:ProgramFiles\Vigil\Agent\vigil-agent.exe" `
    -Argument "session-helper --socket C:\ProgramData\Vigil\helper.sock"
$trigger = New-ScheduledTaskTrigger -AtLogOn
$settings = New-ScheduledTaskSettingsSet -RestartCount 999 -RestartInterval (New-TimeSpan -Minutes 1) -ExecutionTimeLimit 0
$principal = New-ScheduledTaskPrincipal -GroupId "S-1-5-32-545" -RunLevel Limited   # BUILTIN\Users
Register-ScheduledTask -TaskName "Vigil session helper" -Action $action -Trigger $trigger -Settings $settings `
    -Principal $principal -Force | Out-Null
