# The two commands of the README, and a few helpers. CMake presets do the real work.
.PHONY: run test bench bench-server deps configure build demo-db clean format

PRESET   ?= release
BUILD    := build
BIN      := $(BUILD)/bin

# Both programs default to the same database in the user's data directory.
run: build demo-db
	$(BIN)/nocturne

test: build
	QT_QPA_PLATFORM=offscreen ctest --preset $(PRESET) --output-on-failure -j2

# Figures go in notes, not tests. console_open_bench takes --db PATH to reuse a large
# database (make one with `nocturnectl demo --incidents 1000000 --stalled-share 0.094`).
bench: build
	cmake --build --preset $(PRESET) --target benchmarks
	$(BIN)/nocturne-bench-store
	$(BIN)/queue_bench
	$(BIN)/console_open_bench
	$(BIN)/sla_bench
	$(BIN)/sla_gui_stall_bench
	$(BIN)/import_bench
	$(BIN)/kpi_bench
	$(BIN)/sync_bench

# nocturne-server under wrk (list page, event batches) on SQLite and PostgreSQL; not part of `make test`.
bench-server: build
	bench/server_bench.sh $(BIN)

deps:
	@./installer/install-deps.sh

configure: deps
	cmake --preset $(PRESET)

build: configure
	cmake --build --preset $(PRESET)

demo-db: build
	$(BIN)/nocturnectl demo --if-empty --incidents 3000 --days 60 --seed 42

clean:
	rm -rf $(BUILD)

format:
	clang-format -i $$(git ls-files '*.cpp' '*.h')
