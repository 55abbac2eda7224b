# The two commands of the README, and a few helpers. The real build is CMake (CMakePresets.json).
PRESET ?= ci
BUILD  := build/$(PRESET)

.PHONY: run test build deps-run deps-test configure clean

run: deps-run build
	@if [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ]; then \
	    echo "make run: no display found (DISPLAY and WAYLAND_DISPLAY are unset); Kastle is a desktop app, run it in a graphical session."; \
	    exit 1; \
	fi
	$(BUILD)/bin/kastle --sandbox

test: deps-test build
	ctest --preset $(PRESET) -L 'unit|fixture|gui|compat'

build: configure
	cmake --build $(BUILD)

configure:
	@[ -f $(BUILD)/build.ninja ] || cmake --preset $(PRESET)

deps-run:
	@packaging/deps.sh run

deps-test:
	@packaging/deps.sh test

clean:
	rm -rf build
