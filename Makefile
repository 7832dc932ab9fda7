# SPDX-License-Identifier: MIT
# mutasi: plain GNU Makefile (see ../shared/style.md section 9).
# Outputs go to build/: build/mutasi (release), build/asan/ (tests under
# AddressSanitizer + UndefinedBehaviorSanitizer), build/fuzz/ (libFuzzer).

CC      ?= cc
PREFIX  ?= /usr/local
PKGS    := sqlite3 libpq jansson libmicrohttpd libsodium xlsxwriter pangocairo cairo-pdf libcurl
# libcsv ships no pkg-config file; it is a plain -lcsv from libcsv-dev.
EXTRA_LIBS := -lcsv -lm -pthread
# GLPK is the tests' independent oracle for the min-cost-flow solver only.
TEST_LIBS  := -lglpk $(shell pkg-config --libs libcurl 2>/dev/null)

WARN := -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Wpedantic -Wshadow \
	-Wstrict-prototypes -Wmissing-prototypes -Wmissing-declarations \
	-Wold-style-definition -Wpointer-arith -Wcast-qual -Wwrite-strings \
	-Wformat=2 -Wimplicit-fallthrough -Wundef -Wvla -Wnull-dereference \
	-Wdouble-promotion -fno-common -Werror

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) $(EXTRA_LIBS)

# The program's modules (src/module.h): the parts that need a large library
# are shared objects, build/lib/mutasi/NAME.so beside build/mutasi (and
# build/asan/lib/mutasi/ beside build/asan/mutasi), opened on first use, so
# that a command that needs none of them starts fast. The program has a
# forwarder, src/*_load.c, for each; the test programs link the parts'
# objects directly instead.
MODULES      := pg pdf http web xlsx
MOD_pg_SRC   := $(filter-out src/store_pg_load.c,$(wildcard src/store_pg*.c))
MOD_pdf_SRC  := src/pdf.c
MOD_http_SRC := src/siasn_http.c
MOD_web_SRC  := $(filter-out src/web_load.c,$(wildcard src/web*.c))
MOD_xlsx_SRC := src/xlsx.c
MOD_web_GEN  := ui_assets
MOD_pg_LIBS   = $(shell pkg-config --libs libpq 2>/dev/null)
MOD_pdf_LIBS  = $(shell pkg-config --libs pangocairo cairo-pdf 2>/dev/null)
MOD_http_LIBS = $(shell pkg-config --libs libcurl 2>/dev/null)
MOD_web_LIBS  = $(shell pkg-config --libs libmicrohttpd 2>/dev/null)
MOD_xlsx_LIBS = $(shell pkg-config --libs xlsxwriter 2>/dev/null)
MOD_SRC  := $(foreach m,$(MODULES),$(MOD_$(m)_SRC))
LOAD_SRC := $(wildcard src/*_load.c)
CORE_LIBS = $(shell pkg-config --libs sqlite3 jansson libsodium 2>/dev/null) $(EXTRA_LIBS)
# Module objects are position-independent and show only their table.
MOD_FLAGS := -fPIC -fvisibility=hidden

REL_FLAGS  := -O2 -g -D_FORTIFY_SOURCE=2 -fstack-protector-strong
ASAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
TSAN_FLAGS := -O1 -g -fsanitize=thread

SRC      := $(sort $(wildcard src/*.c))
LIB_SRC  := $(filter-out src/main.c $(LOAD_SRC),$(SRC))
CORE_SRC := $(filter-out $(MOD_SRC),$(SRC))
# The public reference data of data/mataram, embedded as C arrays.
DATA     := data/mataram/kecamatan.csv data/mataram/kelurahan.csv \
	data/mataram/opd.csv data/mataram/puskesmas.csv data/mataram/sekolah.csv \
	data/mataram/kelurahan_batas.geojson
DATA_C   := build/gen/gen_data.c
# The browser front end (ui/, npm with a committed lockfile), built by
# esbuild into one generated C file of assets (src/web_assets.h).
UI_C     := build/gen/ui_assets.c
UI_SRC   := $(sort $(shell find ui/src -type f 2>/dev/null)) ui/build.mjs
UI_NPM   := ui/node_modules/.package-lock.json
GEN      := gen_data ui_assets
REL_OBJ  := $(CORE_SRC:src/%.c=build/rel/%.o) build/rel/gen_data.o
ASAN_OBJ := $(CORE_SRC:src/%.c=build/asan/%.o) build/asan/gen_data.o
REL_MOD  := $(MODULES:%=build/lib/mutasi/%.so)
ASAN_MOD := $(MODULES:%=build/asan/lib/mutasi/%.so)
ASAN_LIB_OBJ := $(LIB_SRC:src/%.c=build/asan/%.o) $(GEN:%=build/asan/%.o)
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=build/asan/tests/%)
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/%)
FUZZ_LIB_OBJ := $(LIB_SRC:src/%.c=build/fuzz/obj/%.o) $(GEN:%=build/fuzz/obj/%.o)
FUZZ_SECONDS ?= 60
# The suites that run threads (the server, the parallel planner), again
# under ThreadSanitizer (it cannot be combined with ASan).
TSAN_TESTS := test_web test_web_requests test_web_plans test_web_abk test_web_harden \
	test_web_users test_plan
TSAN_LIB_OBJ := $(LIB_SRC:src/%.c=build/tsan/%.o) $(GEN:%=build/tsan/%.o)
TSAN_BIN := $(TSAN_TESTS:%=build/tsan/tests/%)

# Keep the fuzz objects between runs (make would delete them as
# intermediate files of the pattern chain).
.SECONDARY: $(FUZZ_LIB_OBJ) $(TSAN_LIB_OBJ)

.PHONY: FORCE test-cluster all test check unit golden e2e deps demo fuzz fmt fmt-check lint \
	clean install bench tsan screenshots

all: build/mutasi

build/.deps-ok: scripts/deps
	@scripts/deps
	@mkdir -p build && touch $@

deps: build/.deps-ok

$(DATA_C): scripts/embed $(DATA)
	@mkdir -p $(dir $@)
	scripts/embed $@ $(DATA)

$(UI_NPM): ui/package.json ui/package-lock.json | build/.deps-ok
	cd ui && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(UI_C): $(UI_SRC) $(UI_NPM)
	@mkdir -p $(dir $@)
	node ui/build.mjs $@

build/rel/%.o: build/gen/%.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O2 -fPIC $(XFLAGS) -Isrc -c $< -o $@

build/asan/%.o: build/gen/%.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -fPIC $(XFLAGS) -Isrc -c $< -o $@

build/tsan/%.o: build/gen/%.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -Isrc -c $< -o $@

build/tsan/%.o: src/%.c | build/.deps-ok
	@mkdir -p $(dir $@)
	@echo "  CC $@"; $(CC) $(WARN) $(TSAN_FLAGS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

build/tsan/tests/%: tests/unit/%.c $(TSAN_LIB_OBJ)
	@mkdir -p $(dir $@)
	@echo "  CC $@"; $(CC) $(WARN) $(TSAN_FLAGS) $(PKG_CFLAGS) $$(pkg-config --cflags cmocka) \
		-Isrc -o $@ $< $(TSAN_LIB_OBJ) $(PKG_LIBS) \
		$$(pkg-config --libs cmocka) $(TEST_LIBS)

# The suites #include their shared fixture (the ASan builds track it
# through -MMD): rebuild these on a change of it too.
$(filter build/tsan/tests/test_web%,$(TSAN_BIN)): tests/unit/web_fixture.c
$(filter build/tsan/tests/test_plan%,$(TSAN_BIN)): tests/unit/plan_fixture.c

# 'make tsan': the threaded suites under ThreadSanitizer.
tsan: $(TSAN_BIN)
	@for t in $(TSAN_BIN); do \
		TSAN_OPTIONS="halt_on_error=1 suppressions=$(CURDIR)/tests/tsan.supp" \
			$$t >$$t.log 2>&1 || \
			{ tail -40 $$t.log; echo "tsan: $$t failed"; exit 1; }; \
		echo "tsan: $$(basename $$t) ok"; \
	done

build/fuzz/obj/%.o: build/gen/%.c
	@mkdir -p $(dir $@)
	clang -std=c11 -Isrc -c $< -o $@

# The objects of the modules' sources get MOD_FLAGS (target-specific), and
# are built again when those change (build/.mod-flags is rewritten only
# then; objects from before it existed are older than it).
MOD_OBJ := $(MOD_SRC:src/%.c=build/rel/%.o) $(MOD_SRC:src/%.c=build/asan/%.o)
MOD_GEN_OBJ := $(foreach m,$(MODULES),$(MOD_$(m)_GEN:%=build/rel/%.o) \
	$(MOD_$(m)_GEN:%=build/asan/%.o))
$(MOD_OBJ): XFLAGS := $(MOD_FLAGS)
$(MOD_GEN_OBJ): XFLAGS := -fvisibility=hidden
$(MOD_OBJ) $(MOD_GEN_OBJ): build/.mod-flags
build/.mod-flags: FORCE
	@mkdir -p build
	@echo '$(MOD_FLAGS)' | cmp -s - $@ || echo '$(MOD_FLAGS)' >$@
FORCE:

build/rel/%.o: src/%.c | build/.deps-ok
	@mkdir -p $(dir $@)
	@echo "  CC $@"; $(CC) $(WARN) $(REL_FLAGS) $(XFLAGS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

# The program exports its symbols (-rdynamic): the modules call it.
build/mutasi: $(REL_OBJ) $(REL_MOD)
	@echo "  CC $@"; $(CC) $(REL_FLAGS) -rdynamic -o $@ $(REL_OBJ) $(CORE_LIBS)

# build/lib/mutasi/NAME.so and build/asan/lib/mutasi/NAME.so.
define module_rules
build/lib/mutasi/$(1).so: $$(MOD_$(1)_SRC:src/%.c=build/rel/%.o) $$(MOD_$(1)_GEN:%=build/rel/%.o)
	@mkdir -p $$(dir $$@)
	@echo "  LD $$@"; $$(CC) $$(REL_FLAGS) -shared -o $$@ $$^ $$(MOD_$(1)_LIBS)
build/asan/lib/mutasi/$(1).so: $$(MOD_$(1)_SRC:src/%.c=build/asan/%.o) $$(MOD_$(1)_GEN:%=build/asan/%.o)
	@mkdir -p $$(dir $$@)
	@echo "  LD $$@"; $$(CC) $$(ASAN_FLAGS) -shared -o $$@ $$^ $$(MOD_$(1)_LIBS)
endef
$(foreach m,$(MODULES),$(eval $(call module_rules,$(m))))

build/asan/%.o: src/%.c | build/.deps-ok
	@mkdir -p $(dir $@)
	@echo "  CC $@"; $(CC) $(WARN) $(ASAN_FLAGS) $(XFLAGS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

build/asan/mutasi: $(ASAN_OBJ) $(ASAN_MOD)
	@echo "  CC $@"; $(CC) $(ASAN_FLAGS) -rdynamic -o $@ $(ASAN_OBJ) $(CORE_LIBS)

build/asan/tests/%: tests/unit/%.c $(ASAN_LIB_OBJ)
	@mkdir -p $(dir $@)
	@echo "  CC $@"; $(CC) $(WARN) $(ASAN_FLAGS) $(PKG_CFLAGS) $$(pkg-config --cflags cmocka) \
		-Isrc -MMD -MP -o $@ $< $(ASAN_LIB_OBJ) $(PKG_LIBS) \
		$$(pkg-config --libs cmocka) $(TEST_LIBS)

# 'make test' (alias 'check'): every unit and golden test under ASan+UBSan,
# on SQLite and again on a throwaway PostgreSQL (the suites that open a
# store: unit-pg/, golden-pg; MUTASI_TEST_PG=URL uses a running server
# instead), ending with the line "N passed, N failed".
test check: build/asan/mutasi build/mutasi $(UNIT_BIN)
	@tests/run build/asan

unit: $(UNIT_BIN)
	@tests/run build/asan unit

golden: build/asan/mutasi
	@tests/run build/asan golden

# The web app in Debian's chromium (tests/e2e, playwright-core).
e2e: build/asan/mutasi $(UI_NPM)
	@tests/run build/asan e2e

# PostgreSQL primary and standby, pgbouncer, three nodes and HAProxy on
# this machine (deploy/cluster): a node and the primary die under load.
test-cluster: build/mutasi $(UI_NPM)
	@tests/cluster/run build/mutasi

build/fuzz/obj/%.o: src/%.c | build/.deps-ok
	@mkdir -p $(dir $@)
	@echo "  CLANG $@"; clang $(filter-out -Wdouble-promotion,$(WARN)) -O1 -g \
		-fsanitize=fuzzer-no-link,address,undefined $(PKG_CFLAGS) -c $< -o $@

build/fuzz/%: tests/fuzz/%.c $(FUZZ_LIB_OBJ)
	@mkdir -p $(dir $@)
	@echo "  CLANG $@"; clang $(filter-out -Wdouble-promotion,$(WARN)) -O1 -g -Isrc \
		-fsanitize=fuzzer,address,undefined $(PKG_CFLAGS) -o $@ $< \
		$(FUZZ_LIB_OBJ) $(PKG_LIBS)

# 'make fuzz' runs each target for FUZZ_SECONDS (CI: a short run).
fuzz: $(FUZZ_BIN)
	@for f in $(FUZZ_BIN); do \
		name=$$(basename $$f); corpus=build/fuzz/corpus/$$name; \
		mkdir -p $$corpus; \
		echo "fuzz: $$name for $(FUZZ_SECONDS)s"; \
		$$f -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -print_final_stats=1 \
			$$corpus tests/fuzz/seed/$$name 2>build/fuzz/$$name.log \
			|| { tail -40 build/fuzz/$$name.log; exit 1; }; \
		grep -aE 'stat::number_of_executed_units' build/fuzz/$$name.log; \
	done

# 'make demo [PORT=8080]': a fresh demo.db with its accounts, then the
# web app on http://127.0.0.1:PORT/.
PORT ?= 8080
demo: build/mutasi
	rm -f demo.db demo.db-wal demo.db-shm
	build/mutasi --db demo.db demo
	build/mutasi --db demo.db summary
	build/mutasi --db demo.db serve --listen 127.0.0.1:$(PORT)

# 'make screenshots': the README walkthrough's pages (docs/img/*.png, at
# 1280 and 390 px wide) written again by the browser story suite.
screenshots: build/asan/mutasi $(UI_NPM)
	MUTASI_BIN=$(CURDIR)/build/asan/mutasi E2E_ARTIFACTS=$(CURDIR)/build/e2e \
		E2E_SCREENSHOTS=$(CURDIR)/docs/img \
		node --test --test-reporter=tap --test-name-pattern='the full story' \
		tests/e2e/story.test.mjs

# 'make bench': the benchmarks under bench/ (slow; not part of make test),
# each with its goals' verdicts; then the README's table written again
# from them (bench/readme).
bench: build/mutasi
	bench/run
	bench/readme

# The web app's JavaScript is formatted by Prettier (ui/package.json).
fmt: $(UI_NPM)
	clang-format -i src/*.c src/*.h tests/unit/*.c tests/fuzz/*.c
	cd ui && npm run --silent fmt

fmt-check:
	clang-format --dry-run -Werror src/*.c src/*.h tests/unit/*.c tests/fuzz/*.c

lint: fmt-check $(UI_NPM)
	@scripts/lint

install: build/mutasi
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 build/mutasi $(DESTDIR)$(PREFIX)/bin/mutasi
	install -d $(DESTDIR)$(PREFIX)/lib/mutasi
	install -m 644 $(REL_MOD) $(DESTDIR)$(PREFIX)/lib/mutasi/
	install -m 644 man/mutasi.1 $(DESTDIR)$(PREFIX)/share/man/man1/mutasi.1

clean:
	rm -rf build

-include $(REL_OBJ:.o=.d) $(MOD_SRC:src/%.c=build/rel/%.d) $(ASAN_OBJ:.o=.d) \
	$(ASAN_LIB_OBJ:.o=.d) $(UNIT_BIN:=.d) $(TSAN_LIB_OBJ:.o=.d)
