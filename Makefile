# The two commands a fresh Debian 12 machine needs (see README.md):
#   make run    install what is missing, build, run warta on the bundled sample (JSONL and review site)
#   make test   install what is missing, build, run every test and the evaluation
#   make install   build/warta and rules/ into PREFIX (default /usr/local): bin/warta, share/warta/rules
# and, for robustness work (not part of make test):
#   make test-asan              every test, built with ASan+UBSan in build-asan
#   make fuzz FUZZ_SECONDS=60   each libFuzzer target of fuzz/ for that long (clang)
BUILD ?= build
JOBS ?= $(shell nproc)
SHARED ?= ../shared
ASAN_BUILD ?= build-asan
FUZZ_SECONDS ?= 60
PREFIX ?= /usr/local

.PHONY: deps build run test install test-asan fuzz eval clean

deps:
	bash scripts/install-deps.sh

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(BUILD) -j $(JOBS)

run: build
	$(BUILD)/warta extract --quiet corpus/articles -o $(BUILD)/sample.jsonl
	$(BUILD)/warta review corpus/articles -o $(BUILD)/review
	@echo "records: $(BUILD)/sample.jsonl (one JSON line per article); open the review page in a browser"
	@echo "run warta as $(BUILD)/warta ($(BUILD)/warta extract --help), or make install to put it on the PATH"

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	bash scripts/eval-all.sh $(BUILD)/warta $(SHARED)

install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

# A sanitizer report fails the test that triggered it: UBSan stops at the
# first error, and both exit with a code no test expects from warta (99).
# The gold sets run too: the whole pipeline on every article, sanitized.
SANITIZER_ENV = ASAN_OPTIONS=detect_leaks=1:exitcode=99 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:exitcode=99
test-asan: deps
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWARTA_SANITIZE=ON
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && $(SANITIZER_ENV) ctest --output-on-failure -j $(JOBS)
	$(SANITIZER_ENV) bash scripts/eval-all.sh $(ASAN_BUILD)/warta $(SHARED)

fuzz:
	bash scripts/fuzz.sh $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD)
