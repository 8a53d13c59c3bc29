#!/usr/bin/env bash
# Installs whichever Debian packages Lathe needs are missing (installer/debian-packages.txt is
# the one list), then configures and builds with a CMake preset.
# Usage: scripts/setup.sh [PRESET]     PRESET: dev (default), release, asan or fuzz
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
preset=${1:-dev}

mapfile -t wanted < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$root/installer/debian-packages.txt" | grep -v '^$')
missing=()
for package in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "setup: installing ${#missing[@]} Debian packages: ${missing[*]}"
  sudo=()
  [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cd "$root"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
