#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test in the dev build (the .deb and a real
# window under Xvfb included), then builds the engine with clang under AddressSanitizer +
# UndefinedBehaviorSanitizer and fuzzes each parser of untrusted bytes for a while.
# Usage: ./check.sh [--quick|--full]
#   --quick  the dev build's suite only
#   --full   also the whole suite again under AddressSanitizer + UBSan (gcc), about an hour more
#            on two cores: run it before a release or after touching memory-heavy code. It is
#            not in the default run because CI's time limit cannot hold three builds.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$root"
export QT_QPA_PLATFORM=offscreen
mode=${1:-}

"$root/scripts/setup.sh" dev
ctest --preset dev --output-on-failure

if [[ $mode != --quick ]]; then
  "$root/scripts/setup.sh" fuzz
  ctest --preset fuzz --output-on-failure
fi
if [[ $mode == --full ]]; then
  "$root/scripts/setup.sh" asan
  ctest --preset asan --output-on-failure --label-exclude "package|xvfb"
fi
