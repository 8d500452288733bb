#!/usr/bin/python3
import json
import os
assert os.environ["STDERR"] == "" and os.environ["STDOUT"] == "", repr(os.environ["STDERR"])
m = json.load(open(os.path.join(os.environ["OUTPUT"], "2026Q3", "manifest.json"), encoding="utf-8"))
assert m["exit_status"] == 0 and m["errors"] == 0, m
