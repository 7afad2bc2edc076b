# rotation — the two set-up commands of README.md.
.PHONY: sample test build bench fuzz sanitize faults

# Install what is missing, build, and solve the sample scenario into RUN/fenghua-2017.
sample:
	./scripts/install-deps
	swift build -c release
	.build/release/rotation solve scenarios/fenghua-2017 --out RUN/fenghua-2017

# Install what is missing and run every test.
test:
	./scripts/install-deps
	swift test --disable-swift-testing

build:
	./scripts/install-deps
	swift build

# City-scale families end to end (200–20,000 cadres; BENCH=--quick for the small ones), with
# SciPy and HiGHS measured in the same run, then the in-memory structural comparisons.
bench:
	./scripts/install-deps
	swift build -c release
	python3 scripts/bench-city.py $(BENCH)
	swift run -c release rotation-bench $(BENCH)

# libFuzzer targets (Linux) for the readers: 10^6 executions each (FUZZ_RUNS to change), no crash allowed.
fuzz:
	./scripts/install-deps
	./scripts/fuzz

# Every test under AddressSanitizer, then under ThreadSanitizer (separate build folders). Leak
# reports are off: libxlsxwriter keeps 483 bytes of strings until exit in `init --xlsx`, which
# LeakSanitizer would turn into exit 1 of that command; out-of-bounds, use-after-free and races fail.
sanitize:
	./scripts/install-deps
	ASAN_OPTIONS=detect_leaks=0 swift test --disable-swift-testing --sanitize=address --build-path .build-asan
	swift test --disable-swift-testing --sanitize=thread --build-path .build-tsan

# Signals at each step of a write, a full disk, concurrent writers, read-only targets.
faults:
	./scripts/faults
