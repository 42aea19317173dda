#!/usr/bin/env bash
# Mutation testing of CustomerService.Domain with Stryker.NET against the fast Domain unit tests (run by hand, not in CI).
# Settings are in stryker-config.json; extra arguments go to Stryker, e.g. ./scripts/mutation-test.sh --concurrency 1
# on a busy machine. The HTML and JSON reports land in StrykerOutput/<timestamp>/reports/.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore
exec dotnet stryker --config-file stryker-config.json "$@"
