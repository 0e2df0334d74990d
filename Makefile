# Thin wrapper over CMake (in the spirit of neovim's): the real build lives in CMakeLists.txt.
#   make           build into build/ (the program is build/mfc-trainer)
#   make run       install missing Debian packages, build, open the simulator's window
#   make test      install missing packages, build, run every test through ctest
#   make sanitize  the same tests built with ASan + UBSan in build-asan/
#   make bench     benchmarks (figures, not pass/fail)
#   make fuzz      libFuzzer targets (clang, ASan + UBSan) in build-fuzz/, FUZZ_SECONDS each
#   make format    lay out the C sources as .clang-format says (clang-format 14)
#   make format-check  list the files that differ from .clang-format (exit 1 if any)
#   make deb       the Debian package build/mfc-trainer_VERSION-1_ARCH.deb (CPack), checked by lintian
BUILD      ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_ARGS ?=
WERROR     ?= ON

.PHONY: all build deps run test sanitize fuzz bench clean format format-check deb

all: build

deps:
	@sh .ci/deps.sh

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSIM_WERROR=$(WERROR) $(CMAKE_ARGS)

build: $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

run: deps build
	./$(BUILD)/mfc-trainer

test: deps build
	cd $(BUILD) && SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy ctest --output-on-failure -j $(JOBS)

sanitize: deps
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DSIM_SANITIZE=ON -DSIM_WERROR=$(WERROR) $(CMAKE_ARGS)
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy \
	  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	  ctest --output-on-failure -j $(JOBS)

fuzz: deps
	cmake -S . -B $(FUZZ_BUILD) -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSIM_FUZZ=ON \
	  -DSIM_BUILD_TESTS=OFF -DSIM_WERROR=$(WERROR) $(CMAKE_ARGS)
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzz_load fuzz_play
	sh fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

bench: deps build
	sh bench/run.sh $(BUILD)
	sh bench/gui_bench.sh $(BUILD)
	sh bench/report_bench.sh $(BUILD)
	sh bench/explore_bench.sh $(BUILD)
	sh bench/pack_bench.sh $(BUILD)
	sh bench/lrs_bench.sh $(BUILD)

deb: deps build
	cd $(BUILD) && cpack -G DEB
	@if command -v lintian >/dev/null 2>&1; then lintian --fail-on error $(BUILD)/mfc-trainer_*.deb; fi

format:
	clang-format -i $$(git ls-files 'engine/*.c' 'engine/*.h' 'tests/*.c' 'tests/*.h' 'bench/*.c' 'bench/*.h' 'fuzz/*.c' 'fuzz/*.h')

format-check:
	@sh .ci/format-check.sh

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
