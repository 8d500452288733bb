#!/usr/bin/python3
import os
assert not os.path.exists(os.environ["OUTPUT"]), "a failed run must not create the output folder"
assert "課マスタ・施策マスタ・KPIマスタ の表が見つかりません" in os.environ["STDERR"], os.environ["STDERR"]
assert "出力フォルダは変更していません" in os.environ["STDERR"]
