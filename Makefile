# The superblock toolkit. `make demo` and `make test` work on a fresh Debian/Ubuntu machine with
# Swift: `setup` installs the system libraries first when they are missing.

SWIFT ?= swift
APT_PACKAGES := libgeos-dev libproj-dev proj-data pkg-config libsqlite3-dev gdal-bin libxml2 osmium-tool
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RELEASE_BIN := .build/release/superblock
DEMO_OUT := out/demo
ISO := Tests/CNOSSOSTests/Fixtures/iso_17534_4

.PHONY: setup build release test demo screenshots bench sanitize fuzz clean

## Install GEOS, PROJ, SQLite, pkg-config and GDAL's tools (ogrinfo, for the GeoPackage tests) through apt when any is missing.
setup:
	@missing=""; \
	for pkg in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$pkg 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends $$missing; \
	fi

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release

test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## The main job on the bundled samples (release build).
demo: release
	$(RELEASE_BIN) info Samples/eixample/roads.geojson Samples/eixample/buildings.geojson Samples/eixample/trees.geojson
	$(RELEASE_BIN) analyze Samples/eixample/roads.geojson Samples/eixample/buildings.geojson Samples/eixample/trees.geojson \
	    Samples/barcelona_census/census_sections.geojson --out $(DEMO_OUT)/eixample
	$(RELEASE_BIN) analyze Samples/synthetic/grid.geojson Samples/synthetic/cells.geojson --green-lots --out $(DEMO_OUT)/synthetic
	$(RELEASE_BIN) extract Samples/geneva/geneva.osm.pbf --bbox 6.1450,46.1990,6.1520,46.2030 -o $(DEMO_OUT)/geneva-old-town.geojson
	$(RELEASE_BIN) analyze $(DEMO_OUT)/geneva-old-town.geojson --out $(DEMO_OUT)/geneva-old-town
	$(RELEASE_BIN) emission --light 1000@50 --heavy 50@50
	$(RELEASE_BIN) propagation $(ISO)/profiles/TC07_Direct.json --temperature 10
	$(RELEASE_BIN) propagation --scene $(ISO)/scenes/TC08.geojson
	$(RELEASE_BIN) detect Samples/synthetic/grid.geojson -o $(DEMO_OUT)/synthetic-cells.geojson
	$(RELEASE_BIN) plan Samples/synthetic/grid.geojson --cells $(DEMO_OUT)/synthetic-cells.geojson --squares -o $(DEMO_OUT)/synthetic-after.geojson
	$(RELEASE_BIN) compare Samples/synthetic/grid.geojson $(DEMO_OUT)/synthetic-after.geojson --cells $(DEMO_OUT)/synthetic-cells.geojson \
	    --out $(DEMO_OUT)/synthetic-compare
	$(RELEASE_BIN) compare Samples/eixample/roads_before.geojson Samples/eixample/roads.geojson \
	    --with Samples/eixample/buildings.geojson --out $(DEMO_OUT)/consell-de-cent
	$(RELEASE_BIN) plan Samples/eixample/roads_before_diputacio.geojson --with Samples/eixample/buildings.geojson \
	    --cells Samples/eixample/consell_de_cent_cell.geojson --reroute -o $(DEMO_OUT)/cdc-after.geojson
	$(RELEASE_BIN) compare Samples/eixample/roads_before_diputacio.geojson $(DEMO_OUT)/cdc-after.geojson \
	    --with Samples/eixample/buildings.geojson --cells Samples/eixample/consell_de_cent_cell.geojson \
	    --traffic model --out $(DEMO_OUT)/cdc-reroute

## PNGs of the demo reports (docs/screenshots, shown in the README), rendered by headless chromium
## (installed through apt when missing; `make test` does not need it). Each shot is of a copy of the
## report showing only the given sections (headless chromium does not scroll to an #anchor).
SCREENSHOTS := docs/screenshots
CHROMIUM := chromium --headless --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    $(shell [ "$$(id -u)" = 0 ] && echo --no-sandbox)
comma := ,
## shoot REPORT, SECTION IDS, PNG NAME, WIDTHxHEIGHT[, EXTRA CSS]
define shoot
	sed 's|</style>|section{display:none} $(foreach id,$(2),section#$(id){display:block}) $(5)</style>|' $(1) > $(DEMO_OUT)/shot.html
	$(CHROMIUM) --window-size=$(subst x,$(comma),$(4)) --screenshot=$(abspath $(SCREENSHOTS))/$(3).png "file://$(abspath $(DEMO_OUT))/shot.html" 2>/dev/null
endef
screenshots: release
	@command -v chromium >/dev/null || { $(SUDO) apt-get update && \
	    DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends chromium; }
	$(RELEASE_BIN) analyze Samples/eixample/roads.geojson Samples/eixample/buildings.geojson Samples/eixample/trees.geojson \
	    Samples/barcelona_census/census_sections.geojson --out $(DEMO_OUT)/eixample --quiet
	$(RELEASE_BIN) compare Samples/eixample/roads_before.geojson Samples/eixample/roads.geojson \
	    --with Samples/eixample/buildings.geojson --out $(DEMO_OUT)/consell-de-cent --quiet
	$(RELEASE_BIN) plan Samples/eixample/roads_before_diputacio.geojson --with Samples/eixample/buildings.geojson \
	    --cells Samples/eixample/consell_de_cent_cell.geojson --reroute -o $(DEMO_OUT)/cdc-after.geojson --quiet
	$(RELEASE_BIN) compare Samples/eixample/roads_before_diputacio.geojson $(DEMO_OUT)/cdc-after.geojson \
	    --with Samples/eixample/buildings.geojson --cells Samples/eixample/consell_de_cent_cell.geojson \
	    --traffic model --out $(DEMO_OUT)/cdc-reroute --quiet
	mkdir -p $(SCREENSHOTS)
	$(call shoot,$(DEMO_OUT)/eixample/report.html,assumptions street-space,eixample-analysis,1100x1500)
	$(call shoot,$(DEMO_OUT)/eixample/report.html,noise,eixample-lden,1100x1350)
	$(call shoot,$(DEMO_OUT)/consell-de-cent/report.html,summary street-space,consell-de-cent-compare,1100x1500)
	$(call shoot,$(DEMO_OUT)/consell-de-cent/report.html,noise,consell-de-cent-lden,1100x1560,.pair{display:none})
	$(call shoot,$(DEMO_OUT)/eixample/report.html,traffic,eixample-traffic,1100x1000)
	$(call shoot,$(DEMO_OUT)/cdc-reroute/report.html,traffic,consell-de-cent-traffic,1100x1700)
	rm -f $(DEMO_OUT)/shot.html

## Benchmarks (release build): each analysis stage on the Eixample sample (BENCH_RUNS=5 by default);
## the street-space invariant on the Eixample sample (pieces against the union of every band);
## then `analyze` stage by stage on generated 25x25, 50x50 and 100x100-block grids (time, peak memory,
## exponent against the street count); `detect`, `plan` and `compare` on each grid; and `analyze --only
## space,green` on the 100x100 grid against the geopandas + shapely script (in a virtual environment
## under .build-bench, from PyPI), with both times, their ratio and whether the figures agree; and the travel
## impact (all pairs of graph nodes, before and after every detected cell's interior is access only) on a
## 90x90-block grid (8,281 nodes), against superblockify's 232 s for the same grid.
BENCH_DIR := .build-bench
BENCH_SIZES ?= 25 50 100
BENCH_VENV := $(BENCH_DIR)/venv
bench: setup
	@$(MAKE) --no-print-directory setup APT_PACKAGES="time bc python3-venv"
	$(SWIFT) build -c release --product superblock-bench
	$(SWIFT) build -c release --product superblock
	mkdir -p $(BENCH_DIR)
	for n in $(BENCH_SIZES); do [ -f $(BENCH_DIR)/grid-$$n.geojson ] || python3 Samples/tools/make_bench_grid.py $$n -o $(BENCH_DIR)/grid-$$n.geojson; done
	.build/release/superblock-bench
	.build/release/superblock-bench grids $(foreach n,$(BENCH_SIZES),$(BENCH_DIR)/grid-$(n).geojson)
	.build/release/superblock-bench space-check Samples/eixample/roads.geojson
	[ -f $(BENCH_DIR)/grid-90.geojson ] || python3 Samples/tools/make_bench_grid.py 90 -o $(BENCH_DIR)/grid-90.geojson
	/usr/bin/env time -f "travel impact run: %e s wall, %M KB peak" .build/release/superblock-bench travel $(BENCH_DIR)/grid-90.geojson
	@for n in $(BENCH_SIZES); do \
	  g=$(BENCH_DIR)/grid-$$n.geojson; o=$(BENCH_DIR)/out-$$n; \
	  /usr/bin/env time -f "grid-$$n detect:  %e s wall, %M KB peak" $(RELEASE_BIN) detect $$g -o $$o-cells.geojson --quiet; \
	  /usr/bin/env time -f "grid-$$n plan:    %e s wall, %M KB peak" $(RELEASE_BIN) plan $$g --cells $$o-cells.geojson -o $$o-after.geojson --quiet; \
	  /usr/bin/env time -f "grid-$$n compare: %e s wall, %M KB peak" $(RELEASE_BIN) compare $$g $$o-after.geojson --cells $$o-cells.geojson --out $$o-compare --quiet; \
	done
	[ -x $(BENCH_VENV)/bin/python ] || (python3 -m venv $(BENCH_VENV) && $(BENCH_VENV)/bin/pip install -q geopandas shapely pyproj)
	@g=$(BENCH_DIR)/grid-$(lastword $(BENCH_SIZES)).geojson; \
	start=$$(date +%s.%N); $(RELEASE_BIN) analyze $$g --only space,green --quiet --out $(BENCH_DIR)/out-space-green; end=$$(date +%s.%N); \
	ours=$$(echo "$$end - $$start" | bc); echo "superblock analyze --only space,green: $$ours s (2 cores)"; \
	theirs=$$($(BENCH_VENV)/bin/python Samples/tools/bench_geopandas.py $$g $(BENCH_DIR)/out-space-green/district.csv | tee /dev/stderr | sed -n 's/^geopandas_seconds=//p'); \
	echo "ratio geopandas / superblock: $$(echo "scale=2; $$theirs / $$ours" | bc)"

## The test suite under AddressSanitizer, then ThreadSanitizer (separate build folders).
## The tests use Swift Testing; the toolchain's XCTest harness leaks a few bytes on its own, which
## LeakSanitizer would report as a failure, so the XCTest runner is left out of the ASan run.
sanitize: setup
	$(SWIFT) test --sanitize=address --disable-xctest --scratch-path .build-asan
	$(SWIFT) test --sanitize=thread --scratch-path .build-tsan

## libFuzzer targets (swiftc -sanitize=fuzzer,address) over the GeoJSON reader and district loader
## (loader-fuzz) and the analysis of small districts (analyze-fuzz), FUZZ_SECONDS each (default 120),
## seeded from the nasty-input corpus. Findings land in .build-fuzz/findings; a finding fails the run.
FUZZ_SECONDS ?= 120
FUZZ_DIR := .build-fuzz
FUZZ_OBJ := $(FUZZ_DIR)/debug
FUZZ_SEEDS := Tests/SuperblockCLITests/Nasty
fuzz: setup
	$(SWIFT) build --scratch-path $(FUZZ_DIR) --target Indicators -Xswiftc -sanitize=fuzzer,address
	mkdir -p $(FUZZ_DIR)/findings $(FUZZ_DIR)/corpus-loader $(FUZZ_DIR)/corpus-analyze
	swiftc -sanitize=fuzzer,address -parse-as-library Tests/Fuzz/LoaderFuzz.swift -I $(FUZZ_OBJ)/Modules \
	    -Xcc -fmodule-map-file=Sources/CGEOS/module.modulemap -Xcc -fmodule-map-file=Sources/CPROJ/module.modulemap \
	    $(FUZZ_OBJ)/GeoJSON.build/*.o $(FUZZ_OBJ)/GeometryEngine.build/*.o $(FUZZ_OBJ)/Projection.build/*.o \
	    $(FUZZ_OBJ)/DistrictModel.build/*.o -lgeos_c -lproj -o $(FUZZ_DIR)/loader-fuzz 2>&1 | grep -v 'Cannot export local symbol' || true
	swiftc -sanitize=fuzzer,address -parse-as-library Tests/Fuzz/AnalyzeFuzz.swift -I $(FUZZ_OBJ)/Modules \
	    -Xcc -fmodule-map-file=Sources/CGEOS/module.modulemap -Xcc -fmodule-map-file=Sources/CPROJ/module.modulemap \
	    $(FUZZ_OBJ)/GeoJSON.build/*.o $(FUZZ_OBJ)/GeometryEngine.build/*.o $(FUZZ_OBJ)/Projection.build/*.o \
	    $(FUZZ_OBJ)/DistrictModel.build/*.o $(FUZZ_OBJ)/CNOSSOS.build/*.o $(FUZZ_OBJ)/Indicators.build/*.o \
	    -lgeos_c -lproj -o $(FUZZ_DIR)/analyze-fuzz 2>&1 | grep -v 'Cannot export local symbol' || true
	for target in loader analyze; do \
	  ASAN_OPTIONS=detect_leaks=0 $(FUZZ_DIR)/$$target-fuzz $(FUZZ_DIR)/corpus-$$target $(FUZZ_SEEDS) \
	    -max_total_time=$(FUZZ_SECONDS) -timeout=30 -rss_limit_mb=4096 -max_len=8192 \
	    -artifact_prefix=$(FUZZ_DIR)/findings/$$target- -print_final_stats=1 || exit 1; \
	done

clean:
	rm -rf .build .build-asan .build-tsan .build-fuzz out
