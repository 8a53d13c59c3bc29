#!/usr/bin/env bash
# Retakes docs/screenshots/ (English and Korean) of a fresh Lathe Studio under Xvfb with
# ../shared/tools/shoot.sh, with empty settings so the default layout shows.
# Usage: scripts/screenshots.sh [PATH_TO_lathe-studio]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
shoot=$root/../shared/tools/shoot.sh
studio=${1:-$root/build/dev/app/lathe-studio}
for lang in en ko; do
  suffix=$([[ $lang == ko ]] && echo "-ko" || true)
  config=$(mktemp -d)
  XDG_CONFIG_HOME=$config bash "$shoot" -w 4 -s 1440x900 "$root/docs/screenshots/main-window$suffix.png" -- \
    "$studio" --language "$lang" -geometry 1440x900+0+0
  rm -rf "$config"
done
