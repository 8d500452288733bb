# kaikaku - build, run and test. `make run` and `make test` do everything on
# a fresh Debian 12 machine (installing missing packages when run as root).

CC ?= cc
PKGS := libxml-2.0 xlsxwriter minizip libcrypto freetype2 fontconfig sqlite3
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null)

WARN := -Wall -Wextra -pedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	-Wwrite-strings -Wformat=2 -Wvla -fno-common
OPT ?= -O2 -g
SAN ?=
WERROR ?= -Werror
# src/ is the pipeline, one folder a stage (README): every folder is on the
# include path, so a module includes "strbuf.h", not "../base/strbuf.h".
STAGES := base read model render history publish
INCLUDES = $(addprefix -Isrc/,$(STAGES)) -I$(BUILD)/gen
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE $(OPT) $(WARN) $(WERROR) $(SAN) $(INCLUDES) $(PKG_CFLAGS) $(CFLAGS)
LIBS := $(PKG_LIBS) -lhpdf -lcsv -lz -lm

V ?=
Q := $(if $(V),,@)

BUILD ?= build/release
BIN ?= kaikaku

LIB_SRCS := $(sort $(foreach s,$(STAGES),$(wildcard src/$(s)/*.c)))
OBJS := $(patsubst src/%.c,$(BUILD)/%.o,$(LIB_SRCS))
UNIT_SRCS := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BINS := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRCS))
TOOL_SRCS := $(sort $(wildcard tests/tools/*.c))
TOOL_BINS := $(patsubst tests/tools/%.c,$(BUILD)/tests/%,$(TOOL_SRCS))

PYTHON ?= /usr/bin/python3
INPUT ?= input
OUTPUT ?= output

.PHONY: all run test check check-build check-unit unit cases asan deps deps-test clean sample install uninstall \
	fuzz fuzz-build fuzz-smoke bench format check-format mutate

all: $(BIN)

# Header dependencies are tracked by the compiler (-MMD): a changed header
# rebuilds exactly the objects that include it.
DEPFLAGS = -MMD -MP

$(BUILD)/%.o: src/%.c | $(BUILD)
	@mkdir -p $(@D)
	@$(if $(V),,echo "  CC      $@")
	$(Q)$(CC) $(ALL_CFLAGS) $(DEPFLAGS) -c -o $@ $<

$(BUILD):
	$(Q)mkdir -p $(BUILD)/tests

# The history's schema is a .sql file (src/history/schema.sql), compiled in as
# a C string.
$(BUILD)/gen/schema_sql.h: src/history/schema.sql
	@mkdir -p $(@D)
	$(Q)tools/sql2c.sh SCHEMA_SQL $< >$@.tmp && mv $@.tmp $@

$(BUILD)/gen/migrate_v2_sql.h: src/history/migrate_v2.sql
	@mkdir -p $(@D)
	$(Q)tools/sql2c.sh MIGRATE_V2_SQL $< >$@.tmp && mv $@.tmp $@

$(BUILD)/history/history.o: $(BUILD)/gen/schema_sql.h $(BUILD)/gen/migrate_v2_sql.h

-include $(OBJS:.o=.d) $(BUILD)/main.d $(UNIT_BINS:=.d) $(TOOL_BINS:=.d)

$(BUILD)/libkaikaku.a: $(OBJS)
	$(Q)rm -f $@
	$(Q)ar rcs $@ $^

$(BIN): $(BUILD)/main.o $(BUILD)/libkaikaku.a
	@$(if $(V),,echo "  LINK    $@")
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libkaikaku.a | $(BUILD)
	@$(if $(V),,echo "  CC      $@")
	$(Q)$(CC) $(ALL_CFLAGS) $(DEPFLAGS) -MF $@.d -o $@ $< $(BUILD)/libkaikaku.a $(LIBS)

$(BUILD)/tests/%: tests/tools/%.c $(BUILD)/libkaikaku.a | $(BUILD)
	@$(if $(V),,echo "  CC      $@")
	$(Q)$(CC) $(ALL_CFLAGS) $(DEPFLAGS) -MF $@.d -o $@ $< $(BUILD)/libkaikaku.a $(LIBS)

# tools/floors: each stage's floor on the same data (issue 17), run by `make
# bench`; the libraries only, none of kaikaku's code
$(BUILD)/tools/floors: tools/floors.c | $(BUILD)
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  CC      $@")
	$(Q)$(CC) $(ALL_CFLAGS) $(DEPFLAGS) -MF $@.d -o $@ $< $(LIBS)

# The fault-injection shim (tests/faults.py): a plain shared object, never
# sanitized (it is preloaded into the release binary only).
$(BUILD)/tests/inject.so: tests/shim/inject.c | $(BUILD)
	@$(if $(V),,echo "  CC      $@")
	$(Q)$(CC) -std=c11 -O1 -g $(WARN) -Wno-pedantic -shared -fPIC -o $@ $<

# libFuzzer harnesses (tests/fuzz/fuzz_*.c), built by clang with ASan+UBSan
# in build/fuzz (make fuzz-build BUILD=build/fuzz ..., below).
FUZZ_SRCS := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BINS := $(patsubst tests/fuzz/%.c,$(BUILD)/fuzz/%,$(FUZZ_SRCS))

$(BUILD)/fuzz/%: tests/fuzz/%.c $(BUILD)/libkaikaku.a | $(BUILD)
	@mkdir -p $(BUILD)/fuzz
	@$(if $(V),,echo "  CC      $@")
	$(Q)$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< $(BUILD)/libkaikaku.a $(LIBS)

fuzz-build: $(FUZZ_BINS)

FUZZ_SECONDS ?= 60
FUZZ_MAKE = $(MAKE) --no-print-directory -j$(NPROC) fuzz-build BUILD=build/fuzz CC=clang OPT="-O1 -g" \
	SAN="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"

# Each harness for FUZZ_SECONDS (default 60), after replaying its seeds and
# the crashes found before (tests/fuzz/regressions/); a new crash is saved in
# build/fuzz/crashes/ and fails the target.
fuzz:
	@$(FUZZ_MAKE)
	@tests/fuzz/run.sh build/fuzz/fuzz $(FUZZ_SECONDS)

# What `make test` runs: the replay and a few seconds of each.
fuzz-smoke:
	@$(FUZZ_MAKE)
	@tests/fuzz/run.sh build/fuzz/fuzz 3

# The benchmark (docs/BENCHMARKS.md): S, M and L cities made once into
# build/bench/, medians of several runs; BENCH_ARGS="--sizes S,M --runs S=9"
# and the like are passed on. Never part of `make test`.
BENCH_ARGS ?=
bench:
	@tools/deps.sh bench
	@$(MAKE) --no-print-directory all $(BUILD)/tools/floors
	@$(PYTHON) tools/bench.py --kaikaku ./$(BIN) $(BENCH_ARGS)

# The mutation check (tools/mutate.py, docs/RULES.md "Mutation check"): each
# rule of contract §3 and safety step of §5 broken in turn in a scratch copy of
# the tree, which the suite must notice. MUTATE_ARGS="--full", a mutation's
# name, "--list". Never part of `make test`.
MUTATE_ARGS ?=
mutate:
	@$(PYTHON) tools/mutate.py $(MUTATE_ARGS)

deps:
	@tools/deps.sh build

deps-test:
	@tools/deps.sh test

# Build, then process the sample city. Exit status 1 (some input rejected) is
# what the sample is made to show, so only 2 (failure) fails `make run`.
run: deps
	@$(MAKE) --no-print-directory all
	@st=0; ./$(BIN) run --input $(INPUT) --output $(OUTPUT) || st=$$?; \
	if [ $$st -ge 2 ]; then exit $$st; fi; \
	echo "kaikaku: outputs are in $(OUTPUT)/ (exit status $$st)"

# The house style (.clang-format) over every C file of the project:
# `make format` applies it, `make check-format` (part of `make test`) fails
# on any file it would change.
FORMAT_FILES = $(sort $(wildcard src/*.c src/*/*.[ch] tests/unit/*.[ch] tests/fuzz/*.c tests/shim/*.c \
	tests/tools/*.c tools/*.c))
format:
	@clang-format -i $(FORMAT_FILES)

check-format:
	@clang-format --dry-run --Werror $(FORMAT_FILES) && echo "check-format: ok"

# The house style, every test against the release build and again against
# the ASan+UBSan build: both built and unit-tested first, then the cases of
# both passes side by side, a lane per CPU and one more (tests/run_cases.py;
# the fuzz smoke pass is one of them, tests/fuzz_smoke.py).
ASAN_VARS = BUILD=build/asan BIN=kaikaku-asan OPT="-O1 -g" \
	SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"
test: deps-test
	@$(MAKE) --no-print-directory check-format
	@$(MAKE) --no-print-directory check-unit
	@$(MAKE) --no-print-directory check-unit $(ASAN_VARS)
	@$(PYTHON) tests/run_cases.py -j $(LANES) release=./$(BIN):$(BUILD)/tests \
		asan=./kaikaku-asan:build/asan/tests

# The suite against one build (BUILD/BIN), without the set-up; the programs
# are built first with a job per CPU (`make install` stays one at a time).
NPROC := $(shell nproc 2>/dev/null || echo 1)
# tests side by side: one more than the CPUs (the browser test and the
# killed and locked runs wait as much as they compute)
LANES := $(shell echo $$(( $(NPROC) + 1 )))
CHECK_BINS = $(BIN) $(UNIT_BINS) $(TOOL_BINS) $(BUILD)/tests/inject.so $(BUILD)/tools/floors
check-build: $(CHECK_BINS)

check-unit:
	@$(MAKE) --no-print-directory -j$(NPROC) check-build
	@tests/run_unit.sh $(UNIT_BINS)

check: check-unit
	@$(PYTHON) tests/run_cases.py -j $(LANES) $(notdir $(BUILD))=./$(BIN):$(BUILD)/tests

asan:
	@$(MAKE) --no-print-directory check $(ASAN_VARS)

# Installs the binary, the templates (found by the binary in
# PREFIX/share/kaikaku/templates), the docs and the cron/systemd/logrotate
# examples. DESTDIR is honoured for packaging.
PREFIX ?= /usr/local
DOCDIR ?= $(PREFIX)/share/doc/kaikaku
MANDIR ?= $(PREFIX)/share/man
# deps first: on a fresh Debian, sudo make install installs the build packages too
install: deps $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/kaikaku/templates \
		$(DESTDIR)$(DOCDIR)/examples $(DESTDIR)$(DOCDIR)/images $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/kaikaku
	@# the PMO's own settings and layout are kept: a newer one goes beside as .new
	@for f in settings.xml review.xml; do \
		t=$(DESTDIR)$(PREFIX)/share/kaikaku/templates/$$f; \
		if [ -e $$t ] && ! cmp -s templates/$$f $$t; then \
			install -m 644 templates/$$f $$t.new; \
			echo "kaikaku: $$t は編集されているので残しました。新しい版は $$t.new です（違いを見比べて取り込んでください）"; \
		else \
			install -m 644 templates/$$f $$t; \
		fi; \
	done
	install -m 644 README.md docs/*.md $(DESTDIR)$(DOCDIR)/
	install -m 644 docs/images/*.png $(DESTDIR)$(DOCDIR)/images/
	install -m 644 man/kaikaku.1 $(DESTDIR)$(MANDIR)/man1/kaikaku.1
	install -m 644 contrib/kaikaku.service contrib/kaikaku.timer contrib/kaikaku.cron \
		contrib/kaikaku.logrotate $(DESTDIR)$(DOCDIR)/examples/
	install -d $(DESTDIR)$(DOCDIR)/examples/queries
	install -m 644 contrib/queries/*.sql $(DESTDIR)$(DOCDIR)/examples/queries/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/kaikaku $(DESTDIR)$(MANDIR)/man1/kaikaku.1
	rm -rf $(DESTDIR)$(PREFIX)/share/kaikaku $(DESTDIR)$(DOCDIR)

# Regenerates the binary files of the sample city in input/ (see tools/make_sample.py).
sample:
	$(PYTHON) tools/make_sample.py $(INPUT)

clean:
	rm -rf build $(BIN) kaikaku-asan
