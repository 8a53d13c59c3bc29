#!/usr/bin/env bash
# Builds the .deb with cpack, unpacks it with dpkg-deb -x and checks what a user installs:
# the binaries run, the desktop entry, icon, MIME type and AppStream data are there and valid.
# Usage: test_deb_package.sh BUILD_DIR
set -euo pipefail
build=$(cd "${1:?usage: test_deb_package.sh BUILD_DIR}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cd "$work"
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >cpack.log 2>&1 || { cat cpack.log; fail "cpack failed"; }
deb=$(ls out/*.deb 2>/dev/null | head -1)
[[ -n $deb ]] || fail "cpack made no .deb"
echo "built $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"

info=$(dpkg-deb --info "$deb")
grep -q '^ Package: lathe-studio$' <<<"$info" || fail "package name"
grep -q '^ Depends:.*libqt6widgets6' <<<"$info" || fail "Depends lacks Qt (shlibdeps): $info"
grep -q '^ Depends:.*libxgboost0' <<<"$info" || fail "Depends lacks XGBoost: $info"

dpkg-deb -x "$deb" root
id=dev.lathe.Studio
for f in usr/bin/lathe-studio usr/bin/lathe \
         usr/share/applications/$id.desktop \
         usr/share/icons/hicolor/scalable/apps/$id.svg \
         usr/share/mime/packages/$id.xml \
         usr/share/metainfo/$id.metainfo.xml \
         usr/share/doc/lathe-studio/copyright \
         usr/share/lathe/demo/credit-g.arff; do
  [[ -s root/$f ]] || fail "missing $f"
done
[[ -x root/usr/bin/lathe-studio && -x root/usr/bin/lathe ]] || fail "binaries are not executable"

root/usr/bin/lathe --version | grep -q '^lathe ' || fail "the packaged lathe does not run"
# The packaged lathe finds the demo's data beside it, with no source tree around.
env -u LATHE_DEMO_DATA root/usr/bin/lathe project new "$PWD/demo.lathe" --demo >/dev/null \
  || fail "the packaged lathe cannot write the demo"
root/usr/bin/lathe project info "$PWD/demo.lathe" | grep -q 'German credit' || fail "the demo project is not German credit"
QT_QPA_PLATFORM=offscreen root/usr/bin/lathe-studio --version | grep -q 'Lathe Studio' \
  || fail "the packaged lathe-studio does not run"

desktop-file-validate root/usr/share/applications/$id.desktop || fail "desktop-file-validate"
grep -q "^Icon=$id$" root/usr/share/applications/$id.desktop || fail "desktop entry icon"
appstreamcli validate --no-net --explain root/usr/share/metainfo/$id.metainfo.xml || fail "appstreamcli validate"

# The MIME type maps *.lathe once compiled into a database, as update-mime-database does on install.
mkdir -p mime/packages
cp root/usr/share/mime/packages/$id.xml mime/packages/
update-mime-database "$work/mime" >/dev/null
grep -q 'application/x-lathe-project:\*\.lathe' mime/globs2 || fail "*.lathe is not mapped to the project type"

head -c 100 root/usr/share/icons/hicolor/scalable/apps/$id.svg | grep -q '<svg' || fail "icon is not an SVG"
echo "deb package OK"
