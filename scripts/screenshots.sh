#!/usr/bin/env bash
# Retakes docs/screenshots/ (English and Korean) of a fresh Lathe Studio under Xvfb with
# ../shared/tools/shoot.sh, with empty settings so the default layout shows, and of the data
# docks at work (app/tour: lathe-screenshot-tour).
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

# A project open in the studio: the German-credit demo (its pipeline on the canvas) with penguins
# added, made by the CLI.
cli=$(dirname "$studio")/lathe
work=$(mktemp -d)
"$cli" project new "$work/demo.lathe" --demo --goal "Flag customers likely to churn next month" >/dev/null
"$cli" project add-data "$work/demo.lathe" "$root/../shared/datasets/penguins.csv" >/dev/null
for lang in en ko; do
  suffix=$([[ $lang == ko ]] && echo "-ko" || true)
  XDG_CONFIG_HOME=$work/config-$lang XDG_DATA_HOME=$work/data bash "$shoot" -w 5 -s 1440x900 \
    "$root/docs/screenshots/project$suffix.png" -- "$studio" --language "$lang" -geometry 1440x900+0+0 "$work/demo.lathe"
done

# The Data, Profile, Insights and Charts docks at work on penguins, then Training, Experiments
# and Comparison on credit-g: the tour drives the window
# into each state and grabs it (run under Xvfb so the pictures are a real X server's).
tour=$(dirname "$studio")/lathe-screenshot-tour
for lang in en ko; do
  cp "$work/demo.lathe" "$work/tour-$lang.lathe"  # each language trains its own two runs
  printf 'XDG_CONFIG_HOME=%q XDG_DATA_HOME=%q %q --language %q %q %q; sleep 300\n' "$work/tour-config-$lang" \
    "$work/data" "$tour" "$lang" "$work/tour-$lang.lathe" "$root/docs/screenshots" >"$work/tour-$lang.sh"
  bash "$shoot" -w 240 -s 1440x900 "$work/tour-$lang.png" -- bash "$work/tour-$lang.sh" >/dev/null
done
rm -rf "$work"
