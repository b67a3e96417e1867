# The two commands of the README: `make run` opens the shell, `make test` runs every test.
# Both first install what is missing (Debian packages through apt-get, with sudo when not root).

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian packages the build and the tests need, each with a file that shows it is installed.
DEPS := libedit-dev:/usr/include/editline/readline.h libsqlite3-dev:/usr/include/sqlite3.h libpq-dev:/usr/include/postgresql/libpq-fe.h pkg-config:/usr/bin/pkg-config zlib1g-dev:/usr/include/zlib.h

.PHONY: run test test-deps build deps bench clean

# `prepare` builds the kit learner code compiles against (once per toolchain), so the first
# check is as quick as the next.
run: deps
	@$(SWIFT) build --product workshop
	@.build/debug/workshop prepare
	@exec .build/debug/workshop

# The PostgreSQL conformance tests run against a throwaway cluster started here and removed after;
# the browser tests of the window and of the room's instructor view (pytest, headless Chromium) run
# after the Swift tests, on the same build.
test: deps test-deps
	$(SWIFT) build --build-tests
	@url=$$(scripts/test-postgres.sh start) || exit 1; \
	folder=$$(echo "$$url" | sed 's/.*host=\([^&]*\).*/\1/'); \
	trap 'scripts/test-postgres.sh stop "$$folder"' EXIT; \
	WORKSHOP_TEST_POSTGRES="$$url" $(SWIFT) test --skip-build
	PYTHONDONTWRITEBYTECODE=1 python3 -m pytest -p no:cacheprovider -q -s Tests/BrowserTests

# What the tests need beyond the build: bubblewrap (the grading sandbox), a PostgreSQL server
# (the store conformance suite), a JUnit parser from PyPI (a real consumer of the JUnit reports),
# and headless Chromium with its driver and Selenium and pytest (the window's browser test).
test-deps:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { echo "installing: postgresql"; $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; }
	@command -v bwrap >/dev/null || { echo "installing: bubblewrap"; $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bubblewrap; }
	@command -v less >/dev/null || { echo "installing: less"; $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq less; }
	@python3 -c 'import junitparser' 2>/dev/null || { echo "installing: junitparser (PyPI)"; python3 -m pip install -q --root-user-action=ignore junitparser; }
	@{ command -v chromium >/dev/null && command -v chromedriver >/dev/null; } || { echo "installing: chromium chromium-driver"; $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; }
	@python3 -c 'import selenium, pytest' 2>/dev/null || { echo "installing: selenium pytest (PyPI)"; python3 -m pip install -q --root-user-action=ignore selenium pytest; }

build: deps
	$(SWIFT) build --product workshop

# Installs only what is missing, so a ready machine pays nothing (no apt-get update, no sudo prompt).
deps:
	@missing=""; for dep in $(DEPS); do \
	  pkg=$${dep%%:*}; file=$${dep#*:}; [ -e "$$file" ] || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

bench: deps
	./benchmarks/run.sh

clean:
	rm -rf .build
