# Contestel's two commands: `make serve` (build and serve the app) and `make test` (every
# test). Both install what is missing and are quick when it is already there.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

TRUNK_VERSION := 0.21.14
# wasm-bindgen-cli must match the wasm-bindgen the app links against.
WASM_BINDGEN_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"/\1/p}' Cargo.lock)
CARGO_BIN := $(HOME)/.cargo/bin
TOOLS_BIN := $(CURDIR)/tools/node_modules/.bin
export PATH := $(TOOLS_BIN):$(CARGO_BIN):$(PATH)
# Chromium leaves org.chromium.* folders in TMPDIR: keep them in a folder we own.
export TMPDIR := $(CURDIR)/.tmp/tmp
LOGS := $(CURDIR)/.tmp
export CHROMEDRIVER := /usr/bin/chromedriver
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER := wasm-bindgen-test-runner
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help serve dist test tools browser-tools fmt-check clippy test-native test-browser test-e2e fixtures fuzz bench score clean

help:
	@echo "make serve   build the app and serve it on http://127.0.0.1:8080"
	@echo "make test    run every test: format, lints, native, browser and end-to-end"
	@echo "make dist    write the static site to dist/ and print the .wasm sizes"
	@echo "make bench   measure Contestel against pdf.js in Chromium: bench/results/latest.md"
	@echo "make score   score the reader on the fixtures, a fresh randomised batch, the real bills and the real layouts"

$(TMPDIR):
	@mkdir -p $@

# --- tools -------------------------------------------------------------------------------

tools: $(TMPDIR)
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown
	@[ "$$(trunk --version 2>/dev/null)" = "trunk $(TRUNK_VERSION)" ] \
	  || cargo install trunk --version $(TRUNK_VERSION) --locked
	@# Built from a lockfile pinned in tools/wasm-bindgen-cli (it writes the glue we ship).
	@[ "$$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $(WASM_BINDGEN_VERSION)" ] \
	  || tools/wasm-bindgen-cli/install.sh $(WASM_BINDGEN_VERSION)
	@grep -q 'wasm_bindgen = "$(WASM_BINDGEN_VERSION)"' Trunk.toml \
	  || { echo "Trunk.toml [tools] wasm_bindgen must be $(WASM_BINDGEN_VERSION), as in Cargo.lock" >&2; exit 1; }
	@[ -x $(TOOLS_BIN)/wasm-opt ] && [ -f tools/node_modules/axe-core/axe.min.js ] \
	  || npm ci --prefix tools --no-audit --no-fund
	@cargo fetch --locked --quiet

browser-tools:
	@[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || { \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium chromium-driver >/dev/null; }

# --- build and serve ---------------------------------------------------------------------

serve: tools
	trunk serve --release

dist: tools
	trunk build --release
	@echo "Sizes (raw / gzip -9):"
	@for f in dist/*.wasm dist/*.js; do \
	  printf '  %-40s %8d B  %8d B\n' "$$(basename $$f)" "$$(stat -c %s $$f)" "$$(gzip -9c $$f | wc -c)"; \
	done

# --- tests -------------------------------------------------------------------------------

test: tools browser-tools fmt-check clippy test-native test-browser dist test-e2e
	@echo "Test groups (format and clippy passed):"
	@total=0; for group in native browser e2e; do \
	  n=$$(grep -hoE '[0-9]+ passed' $(LOGS)/$$group.log | awk '{s+=$$1} END {print s+0}'); \
	  printf '  %-8s %4d passed\n' $$group $$n; total=$$((total + n)); \
	done; echo "all groups: $$total passed, 0 failed"

fmt-check:
	cargo fmt --all --check

clippy:
	cargo clippy --locked --all-targets -- -D warnings
	cargo clippy --locked --all-targets --target wasm32-unknown-unknown -- -D warnings
	# The fuzz targets are their own workspace that nothing else builds: checked here so
	# that they keep compiling against the code they fuzz (stable is enough to check).
	cargo check --locked --manifest-path fuzz/Cargo.toml --bins

test-native: $(TMPDIR)
	{ cargo test --locked && cargo test --locked -p pdf-extract --lib; } 2>&1 | tee $(LOGS)/native.log

# wasm-bindgen-test in headless Chromium (webdriver.json passes the flags root needs).
test-browser: $(TMPDIR)
	cargo test --locked --target wasm32-unknown-unknown --test browser --test storage 2>&1 | tee $(LOGS)/browser.log

# Drives the built dist/ in real Chromium; run `make dist` first. Two lanes at once (each
# test starts its own Chromium, profile and server on free ports), about as long each
# (206 and 192 s on 2026-12-08): the ten years of bills of load.rs with a11y, corrections
# and the bank, and the rest. Within a lane one browser at a time. Each lane's output is
# kept whole, then both are printed.
E2E_LANE_1 := --test load --test a11y --test corrections --test e2e_bank
E2E_LANE_2 := --test e2e --test privacy
test-e2e: $(TMPDIR)
	cargo test --locked --no-run $(E2E_LANE_1) $(E2E_LANE_2) 2>&1 | tail -n 1
	@export CONTESTEL_DIST=$(CURDIR)/dist; \
	  ( cargo test --locked $(E2E_LANE_1) -- --ignored --test-threads=1 > $(LOGS)/e2e-1.log 2>&1 ) & lane1=$$!; \
	  rc2=0; cargo test --locked $(E2E_LANE_2) -- --ignored --test-threads=1 > $(LOGS)/e2e-2.log 2>&1 || rc2=$$?; \
	  rc1=0; wait $$lane1 || rc1=$$?; \
	  cat $(LOGS)/e2e-1.log $(LOGS)/e2e-2.log | tee $(LOGS)/e2e.log; \
	  [ $$rc1 = 0 ] && [ $$rc2 = 0 ]

fixtures:
	tests/fixtures/gen/generate.sh

# --- benchmark ---------------------------------------------------------------------------

# Not a test (tests bound counts of work, never a speed; the one clock a test reads is
# `inspect`'s time limit, checked to fire): Contestel and pdf.js on the same bills in the
# same headless Chromium page, page load, the journal's load and save, native reading
# against lopdf's own load. pdf.js is installed into bench/ only (never shipped in dist/);
# the scale set is generated into bench/scale/. Writes bench/results/latest.{md,json}.
BENCH_NATIVE_FILES = tests/fixtures/bills/*.pdf $(wildcard $(REAL_BILLS)/*.pdf) bench/scale/annex-30-pages.pdf bench/scale/monthly-2024-11.pdf
bench: tools browser-tools dist
	@[ -f bench/node_modules/pdfjs-dist/build/pdf.min.mjs ] \
	  || npm ci --prefix bench --no-audit --no-fund --omit=optional
	tests/fixtures/gen/scale.sh >/dev/null
	cargo bench --locked --profile worker --bench read -- --runs 20 --json $(LOGS)/bench-native.json $(BENCH_NATIVE_FILES)
	cargo test --locked --release --target wasm32-unknown-unknown --test bench_store -- --nocapture 2>&1 \
	  | tee $(LOGS)/bench-store.log | grep -E 'BENCH_STORE|test result'
	CONTESTEL_DIST=$(CURDIR)/dist cargo test --locked --test bench -- --ignored --nocapture
	@# The phone profile (tests/bench_phone.rs): first paint, the app mounted and a bill's
	@# findings, cold and repeat visits, with Lighthouse's mobile throttling.
	CONTESTEL_DIST=$(CURDIR)/dist cargo test --locked --test bench_phone -- --ignored --nocapture 2>/dev/null \
	  | grep -E '^PHONE|test result'
	@# Ten years of bills (tests/load.rs): sizes and the time to open each screen.
	CONTESTEL_DIST=$(CURDIR)/dist cargo test --locked --test load -- --ignored --nocapture 2>/dev/null \
	  | tee $(LOGS)/bench-load.log | grep -E '^LOAD|test result'

# --- scores --------------------------------------------------------------------------------

# How well `inspect` reads bills, scored by the shared scorer on four folders: the fixture
# corpus (converted to the scorer's truth format), a fresh randomised batch (SEED, random
# unless given), and the real bills and real layouts kept in ../shared (never copied here).
SCORER ?= ../shared/bills/score.py
REAL_BILLS ?= ../shared/bills/real
REPLICAS ?= ../shared/bills/replicas
SEED ?= $(shell date +%s)
score:
	cargo build --locked --release --bin inspect
	tests/fixtures/gen/score_corpus.py $(LOGS)/score/corpus
	rm -rf $(LOGS)/score/random && tests/fixtures/gen/randomise.sh --seed $(SEED) --count 300 --out $(LOGS)/score/random >/dev/null
	@# The scorer's last line gives, for each folder, the bills read right out of the box and
	@# the readings called reconciled that are wrong.
	@for dir in $(LOGS)/score/corpus $(LOGS)/score/random $(REAL_BILLS) $(REPLICAS); do \
	  printf '%-40s ' "$$(basename $$dir)"; \
	  python3 $(SCORER) $$dir target/release/inspect --today 2026-11-26 | tail -n 1 || true; \
	done; echo "randomised batch: seed $(SEED)"

# Fuzz (nightly): `make fuzz TARGET=read SECONDS=600`. The reader's targets are read (any
# bytes), content (content streams) and font (font dictionaries), with fuzz/pdf.dict; the
# JSON doors are backup (an imported export), store (a stored value), plan (a plan file)
# and amount (amount parsing), with fuzz/json.dict. A crash lands in fuzz/artifacts/; make
# it a regression file under tests/fixtures/fuzz/ (json/ for the JSON doors).
# FUZZ_FLAGS="--dev -s none" builds without optimisation or AddressSanitizer: minutes
# instead of most of an hour on a shared two-core machine, for short runs.
TARGET ?= read
SECONDS ?= 300
FUZZ_FLAGS ?=
DICT = fuzz/$(if $(filter read content font,$(TARGET)),pdf,json).dict
fuzz:
	@cargo +nightly fuzz --version >/dev/null 2>&1 || cargo install cargo-fuzz --locked
	@# A new machine has no corpus: the reader's target starts from the fixture bills, the
	@# bad files and the crafted ones (from nothing, it hardly gets past the file's header).
	@if [ "$(TARGET)" = read ] && [ -z "$$(ls -A fuzz/corpus/read 2>/dev/null)" ]; then \
	  mkdir -p fuzz/corpus/read && cp tests/fixtures/bills/*.pdf tests/fixtures/bad/*.pdf \
	    tests/fixtures/crafted/*.pdf fuzz/corpus/read/; fi
	cargo +nightly fuzz run $(FUZZ_FLAGS) $(TARGET) -- -dict=$(DICT) -max_total_time=$(SECONDS) \
	  -rss_limit_mb=2048 -timeout=10 $(if $(filter read,$(TARGET)),-max_len=262144)

clean:
	rm -rf dist .tmp
