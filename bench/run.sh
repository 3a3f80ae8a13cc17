#!/usr/bin/env bash
# The performance budget: publishes Värn and a bare `dotnet new web` app, runs both as their own processes and prints
# every figure as a ratio against its baseline from the same run. Exits 1 when a figure misses its goal.
#   bench/run.sh [--situation] [budget options, e.g. --seconds 20]
# --situation first runs the situation-picture benchmark (BenchmarkDotNet, several minutes) so that P1 is in the table.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--situation" ]; then
  shift
  dotnet run -c Release --project bench/Varn.Bench -- --filter '*Situation*' --inProcess
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# Both apps are published the same way, as the README's deployment does: Release, ReadyToRun for this machine.
publish=(-c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true --nologo -v quiet)
dotnet publish src/Varn.Web "${publish[@]}" -o "$out/varn"
dotnet publish bench/BareApp "${publish[@]}" -o "$out/bare"
dotnet build bench/Varn.Budget -c Release --nologo -v quiet
dotnet bench/Varn.Budget/bin/Release/net10.0/Varn.Budget.dll --varn "$out/varn/Varn.Web.dll" --bare "$out/bare/BareApp.dll" --work "$out/work" "$@"
