# Ostoja — the two commands of the README, and a few more for developers.
.PHONY: demo test deps build bench format tidy clean

DEMO_DB ?= $(CURDIR)/demo.db
OSTOJA := build/release/src/app/ostoja

# Install everything, build, create the demo SQLite database (once) and serve http://localhost:8080
demo: build
	$(OSTOJA) --database sqlite://$(DEMO_DB) demo --if-empty --households 2000 --seed 1
	$(OSTOJA) --database sqlite://$(DEMO_DB) serve --port 8080

# Every test tier on SQLite and PostgreSQL, browser tests, and the sanitizer build
test:
	scripts/test.sh

deps:
	scripts/deps.sh

build: deps
	cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	cmake --build build/release -j$$(nproc)

bench: build
	scripts/bench.sh

format:
	find src tests bench -name '*.cpp' -o -name '*.h' | xargs clang-format -i

tidy: build
	run-clang-tidy -p build/release -quiet 'src/.*' 2>/dev/null || clang-tidy -p build/release $$(find src -name '*.cpp')

clean:
	rm -rf build
