#!/bin/sh
# tests/run_cases.sh - the end-to-end cases against $KAIKAKU, and the readers'
# tests (corpus, csv-spectrum, openpyxl-made workbooks) against the tools in
# $TOOLS, with Debian's python3 ($PYTHON).
set -u
PYTHON=${PYTHON:-/usr/bin/python3}
export KAIKAKU TOOLS PYTHON
status=0
# each test with its seconds, so that the suite's time can be seen where it goes
t() {
	start=$(date +%s)
	"$PYTHON" "$1" || status=1
	echo "  ($1: $(($(date +%s) - start)) s)"
}
t tests/e2e.py
t tests/golden.py
t tests/history.py
t tests/readers.py
t tests/scenarios.py
t tests/roundtrip.py
t tests/xlsx_print.py
t tests/reach.py
t tests/progress.py
t tests/pdf.py
t tests/operations.py
t tests/faults.py
t tests/limits.py
t tests/memcheck.py
t tests/crash.py
t tests/durability.py
t tests/parallel.py
t tests/floors.py
t tests/docs.py
t tests/public.py
t tests/corpus_beside.py
exit $status
