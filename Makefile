# The two commands of the README, and a few more for developers.
#   make demo   install what is missing, build in Release, build the graph of examples/ into out/
#   make test   build and run the whole test suite (Release, then ASan+UBSan); CI runs this
SHELL := /bin/bash
JOBS ?= $(shell nproc)
BUILD ?= build
ASAN_BUILD ?= build-asan

.PHONY: all deps configure build demo test test-release test-asan check bench clean

all: build

deps:
	@scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DNG_WERROR=ON > /dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@rm -rf out
	$(BUILD)/newsgraph build examples/articles examples/records --catalog examples/catalog/known_entities.ttl \
	  --out out --store out/store
	@echo
	@echo "Try: $(BUILD)/newsgraph query --store out/store -f examples/queries/most_quoted.rq"

# Sanitizer runtime options for the suite, because of Debian's Redland:
# - strict_memcmp=0: librdf's Berkeley DB cursor (Redland's hashes storage,
#   still used by `newsgraph migrate` and its tests to read stores of
#   newsgraph 0.1) compares keys with memcmp over the longer key's length,
#   reading up to a few bytes past the shorter (heap-buffer-overflow in
#   librdf_iterator_next). memcmp stops at the first difference, so ASan is
#   told to check only the bytes before it.
# - the fast unwinder (the default) records allocation stacks: the slow one
#   made every malloc unwind through DWARF tables and the suite ~2.5x slower
#   (a query filling 32 MB of rows: 73 s against 5.7 s). Libraries built
#   without frame pointers then show short stacks, so tests/lsan.supp names
#   their allocators as well as the functions that leak.
ASAN_RUNTIME_OPTIONS = detect_leaks=1:strict_memcmp=0

# The whole suite: unit and end-to-end tests in the Release build, then the
# same suite under AddressSanitizer and UndefinedBehaviorSanitizer.
test: test-release test-asan

# A failing suite runs its failed tests once more, alone and verbose, at the
# end: the reason is then in the last lines of a long log (all a CI page
# may show), and a test that passes alone is named as timing-dependent.
CTEST_RETRY = { echo; echo "== failed tests, run again alone:"; ctest --test-dir $(1) --rerun-failed --output-on-failure -j 1 | tail -n 120; exit 1; }

test-release: build
	@ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS) || $(call CTEST_RETRY,$(BUILD))

test-asan: deps
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" \
	  -DNG_SANITIZE=ON -DNG_BUILD_BENCH=OFF -DNG_WERROR=ON > /dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	@export ASAN_OPTIONS=$(ASAN_RUNTIME_OPTIONS) LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp; \
	  ctest --test-dir $(ASAN_BUILD) --output-on-failure -j $(JOBS) || $(call CTEST_RETRY,$(ASAN_BUILD))

# Quick: the Release suite only.
check: test-release

bench: build
	@bench/run

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) out
