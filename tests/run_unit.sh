#!/bin/sh
# tests/run_unit.sh BIN... - runs each unit-test binary; fails if any fails.
status=0
for t in "$@"; do
	"$t" || status=1
done
exit $status
