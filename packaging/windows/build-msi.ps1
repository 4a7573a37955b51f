# Builds vigil-agent.msi on a Windows runner (NOT built or tested on the Linux CI; see README "What is tested where").
# Needs: a JDK >= 21 (jlink, jdeps, jpackage), WiX Toolset 3.14 on PATH (jpackage --type msi uses candle/light),
# the agent built (./mvnw -B package -pl agent -am -DskipTests), and WinSW as packaging\windows\resources\
# service-installer.exe (jpackage --launcher-as-service hands the service registration to it).
#
# MSI properties for Intune / GPO (msiexec /i vigil-agent.msi /qn CONSOLE=... PIN=... TOKEN=...): see
# resources\overrides.wxi; install-intune.ps1 is the Intune Win32-app wrapper that also wires DNS.
param([string]$Out = "packaging\target")
$ErrorActionPreference = "Stop"
$jdk = $env:JAVA_HOME
$agent = "agent\target"
$work = New-Item -ItemType Directory -Force -Path (Join-Path $env:TEMP "vigil-msi")
Copy-Item "$agent\vigil-agent.jar", "$agent\lib\*.jar" -Destination (New-Item -ItemType Directory -Force "$work\input")

$modules = & "$jdk\bin\jdeps.exe" --multi-release 21 --ignore-missing-deps --print-module-deps `
    --class-path "$work\input\*" "$work\input\vigil-agent.jar"
& "$jdk\bin\jlink.exe" --add-modules $modules --strip-debug --no-man-pages --no-header-files `
    --compress=zip-6 --output "$work\runtime"

# The same JVM flags as Linux (agent\jvm.options), one --java-options each.
$javaOptions = Get-Content agent\jvm.options | ForEach-Object { ($_ -replace '#.*$', '').Trim() } |
    Where-Object { $_ } | ForEach-Object { "--java-options"; $_ }
$version = (Select-String -Path agent\pom.xml -Pattern '<version>([0-9.]+)' | Select-Object -First 1).Matches[0].Groups[1].Value

& "$jdk\bin\jpackage.exe" --type msi --name vigil-agent --app-version $version --vendor Vigil `
    --description "Vigil safeguarding agent" --input "$work\input" --main-jar vigil-agent.jar `
    --main-class io.vigil.agent.AgentMain --runtime-image "$work\runtime" @javaOptions `
    --arguments "service --config C:\ProgramData\Vigil\agent.properties" `
    --launcher-as-service --win-menu:false --win-shortcut:false `
    --install-dir "Vigil\Agent" --win-upgrade-uuid "7c0e2f4e-5b0a-4f8f-9d3e-7a1c3c1b9e11" `
    --app-content packaging\windows\app --resource-dir packaging\windows\resources --dest $Out
