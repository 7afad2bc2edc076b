# rotation — the two set-up commands of README.md.
.PHONY: sample test build bench

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

bench:
	./scripts/install-deps
	swift run -c release rotation-bench
