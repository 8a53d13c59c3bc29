#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: the whole suite in the dev build
# (the .deb included), then again under AddressSanitizer + UndefinedBehaviorSanitizer.
# Usage: ./check.sh [--quick]    --quick skips the sanitizer pass.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$root"
export QT_QPA_PLATFORM=offscreen

"$root/scripts/setup.sh" dev
ctest --preset dev --output-on-failure

if [[ ${1:-} != --quick ]]; then
  "$root/scripts/setup.sh" asan
  ctest --preset asan --output-on-failure --label-exclude "package|xvfb"
fi
