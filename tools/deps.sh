#!/bin/sh
# tools/deps.sh build|test|bench - make sure the Debian packages kaikaku needs are
# installed: installs what is missing when run as root, otherwise prints the
# one apt-get line to run and fails.
set -eu

what=${1:-build}
pkgs="gcc make pkg-config libxlsxwriter-dev libhpdf-dev libcsv-dev libxml2-dev libminizip-dev zlib1g-dev libssl-dev libfreetype-dev libfontconfig-dev libsqlite3-dev sqlite3 fonts-ipaexfont-gothic"
if [ "$what" = bench ]; then
	pkgs="$pkgs python3"
fi
if [ "$what" = test ]; then
	pkgs="$pkgs clang-format python3 python3-openpyxl libreoffice-calc-nogui poppler-utils qpdf valgrind clang locales man-db groff-base strace"
fi
# for the set-up's own test: a package that must be reported missing
pkgs="$pkgs ${KAIKAKU_DEPS_EXTRA:-}"

if ! command -v dpkg-query >/dev/null 2>&1; then
	echo "kaikaku: not a Debian system; make sure these are installed: $pkgs" >&2
	exit 0
fi

missing=
for p in $pkgs; do
	if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
	echo "kaikaku: installing Debian packages:$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >/dev/null
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing >/dev/null
	exit 0
fi
echo "kaikaku: missing Debian packages; run: sudo apt-get install$missing" >&2
exit 1
