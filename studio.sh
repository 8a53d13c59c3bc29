#!/usr/bin/env bash
# Installs what is missing, builds, and opens Lathe Studio. Arguments go to lathe-studio
# (files to open, --language ko).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
"$root/scripts/setup.sh" dev
# With nothing to open, the German-credit demo opens (created in the projects folder the first time).
(($#)) || set -- --demo
exec "$root/build/dev/app/lathe-studio" "$@"
