#!/usr/bin/env bash
# Installs what is missing, builds, and opens Lathe Studio. Arguments go to lathe-studio
# (files to open, --language ko).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
"$root/scripts/setup.sh" dev
exec "$root/build/dev/app/lathe-studio" "$@"
