#!/usr/bin/env bash
# The real lathe-studio in a real X server (Xvfb, the xcb platform plugin): it starts in Korean,
# stays up, and draws a window with text, not a blank screen. Korean needs a CJK font installed.
# Usage: studio_under_xvfb.sh PATH_TO_lathe-studio SOURCE_DIR
set -euo pipefail
studio=${1:?}; source_dir=${2:?}
shoot=$source_dir/../shared/tools/shoot.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

[[ -n $(fc-list :lang=ko family) ]] || fail "no font covers Korean (fonts-noto-cjk)"
XDG_CONFIG_HOME=$work/config bash "$shoot" -w 3 -s 1280x800 "$work/shot.png" -- \
  "$studio" --language ko -geometry 1280x800+0+0 || fail "lathe-studio did not stay up under Xvfb"
colors=$(identify -format '%k' "$work/shot.png")
echo "screenshot has $colors colours"
(( colors > 40 )) || fail "the screen is nearly blank ($colors colours)"
# The window covers the screen: the top-left pixel is the menu bar, not Xvfb's black root.
corner=$(convert "$work/shot.png" -format '%[fx:int(255*p{5,5}.r)]' info:)
(( corner > 100 )) || fail "no window at the top-left of the screen"
echo "lathe-studio runs under Xvfb"
