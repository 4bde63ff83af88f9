# The two commands of the README, and a few helpers. CMake presets do the real work.
.PHONY: run test bench deps configure build demo-db clean format

PRESET   ?= release
BUILD    := build
BIN      := $(BUILD)/bin
DATA_DIR := $(or $(XDG_DATA_HOME),$(HOME)/.local/share)/Nocturne
DEMO_DB  := $(DATA_DIR)/nocturne.db

run: build demo-db
	$(BIN)/nocturne --db "$(DEMO_DB)"

test: build
	QT_QPA_PLATFORM=offscreen ctest --preset $(PRESET) --output-on-failure -j2

bench: build
	$(BIN)/nocturne-bench-store
	$(BIN)/nocturne-bench-queue

deps:
	@./installer/install-deps.sh

configure: deps
	cmake --preset $(PRESET)

build: configure
	cmake --build --preset $(PRESET)

demo-db: build
	@if [ ! -f "$(DEMO_DB)" ]; then \
		mkdir -p "$(DATA_DIR)" && \
		$(BIN)/nocturnectl --db "$(DEMO_DB)" init && \
		$(BIN)/nocturnectl --db "$(DEMO_DB)" demo --incidents 3000 --days 60 --seed 42; \
	fi

clean:
	rm -rf $(BUILD)

format:
	clang-format -i $$(git ls-files '*.cpp' '*.h')
