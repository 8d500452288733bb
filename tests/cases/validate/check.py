#!/usr/bin/python3
import os
assert not os.path.exists(os.environ["OUTPUT"]), "validate writes nothing"
assert not os.path.exists(os.path.join(os.environ["INPUT"], "..", "output"))
