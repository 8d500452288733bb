#!/bin/sh
# tools/sql2c.sh NAME FILE - FILE as a C header defining NAME as a list of
# string literals, one per line (the history's schema, compiled into
# kaikaku; ISO C caps the length of one literal, not of a list).
set -eu
printf '#define %s \\\n' "$1"
sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$/\\n", \\/' "$2"
printf '""\n'
