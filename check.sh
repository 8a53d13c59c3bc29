#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: the whole suite in the dev build
# (the .deb and a real window under Xvfb included), then again under AddressSanitizer +
# UndefinedBehaviorSanitizer, then each parser's libFuzzer target for a short while.
# Usage: ./check.sh [--quick]    --quick skips the sanitizer and fuzzing passes.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$root"
export QT_QPA_PLATFORM=offscreen

"$root/scripts/setup.sh" dev
ctest --preset dev --output-on-failure

if [[ ${1:-} != --quick ]]; then
  "$root/scripts/setup.sh" asan
  ctest --preset asan --output-on-failure --label-exclude "package|xvfb"
  "$root/scripts/setup.sh" fuzz
  ctest --preset fuzz --output-on-failure
fi
