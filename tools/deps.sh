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
	# Carlito: Calibri's metrics, so that LibreOffice sizes columns (and the
	# print scale) as Excel does (tests/xlsx_print.py)
	pkgs="$pkgs clang-format python3 python3-openpyxl libreoffice-calc-nogui fonts-crosextra-carlito poppler-utils qpdf valgrind clang locales man-db groff-base strace"
	# the public page (tests/public.py): html5lib, xmllint, headless Chromium;
	# node and npm for playwright-core and axe-core (tests/browser/). A
	# nodejs that brings its own npm (NodeSource's) needs no Debian npm.
	pkgs="$pkgs python3-html5lib libxml2-utils chromium nodejs"
	command -v npm >/dev/null 2>&1 || pkgs="$pkgs npm"
fi
# for the set-up's own test: a package that must be reported missing
pkgs="$pkgs ${KAIKAKU_DEPS_EXTRA:-}"

if ! command -v dpkg-query >/dev/null 2>&1; then
	echo "kaikaku: not a Debian system; make sure these are installed: $pkgs" >&2
	exit 0
fi

# tests/browser's packages, exactly as package-lock.json names them
browser_modules() {
	[ "$what" = test ] || return 0
	dir=$(dirname "$0")/../tests/browser
	[ -d "$dir/node_modules" ] && return 0
	command -v npm >/dev/null 2>&1 || return 0
	echo "kaikaku: npm ci in tests/browser (playwright-core, axe-core)" >&2
	(cd "$dir" && npm ci --no-audit --no-fund >/dev/null) || {
		echo "kaikaku: npm ci failed in tests/browser" >&2
		return 1
	}
}

missing=
for p in $pkgs; do
	if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done
if [ -z "$missing" ]; then
	browser_modules
	exit $?
fi

if [ "$(id -u)" -eq 0 ]; then
	echo "kaikaku: installing Debian packages:$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >/dev/null
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing >/dev/null
	browser_modules
	exit $?
fi
echo "kaikaku: missing Debian packages; run: sudo apt-get install$missing" >&2
exit 1
