#!/bin/sh
# tests/run_cases.sh - the end-to-end cases against $KAIKAKU, and the readers'
# tests (corpus, csv-spectrum, openpyxl-made workbooks) against the tools in
# $TOOLS, with Debian's python3 ($PYTHON).
set -u
PYTHON=${PYTHON:-/usr/bin/python3}
export KAIKAKU TOOLS PYTHON
status=0
"$PYTHON" tests/e2e.py || status=1
"$PYTHON" tests/golden.py || status=1
"$PYTHON" tests/history.py || status=1
"$PYTHON" tests/readers.py || status=1
"$PYTHON" tests/scenarios.py || status=1
"$PYTHON" tests/roundtrip.py || status=1
"$PYTHON" tests/xlsx_print.py || status=1
"$PYTHON" tests/reach.py || status=1
"$PYTHON" tests/progress.py || status=1
"$PYTHON" tests/pdf.py || status=1
"$PYTHON" tests/operations.py || status=1
"$PYTHON" tests/faults.py || status=1
"$PYTHON" tests/limits.py || status=1
"$PYTHON" tests/memcheck.py || status=1
"$PYTHON" tests/crash.py || status=1
"$PYTHON" tests/durability.py || status=1
"$PYTHON" tests/parallel.py || status=1
"$PYTHON" tests/floors.py || status=1
"$PYTHON" tests/docs.py || status=1
"$PYTHON" tests/public.py || status=1
"$PYTHON" tests/corpus_beside.py || status=1
exit $status
