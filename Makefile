# The two commands of the README: `make run` opens the shell, `make test` runs every test.
# Both first install what is missing (Debian packages through apt-get, with sudo when not root).

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian packages the build and the tests need, each with a file that shows it is installed.
DEPS := libedit-dev:/usr/include/editline/readline.h libsqlite3-dev:/usr/include/sqlite3.h libpq-dev:/usr/include/postgresql/libpq-fe.h pkg-config:/usr/bin/pkg-config zlib1g-dev:/usr/include/zlib.h

.PHONY: run test test-deps build install deps bench clean format

# `prepare` builds the kit learner code compiles against (once per toolchain), so the first
# check is as quick as the next.
run: deps
	@$(SWIFT) build --product workshop
	@.build/debug/workshop prepare
	@exec .build/debug/workshop

# The PostgreSQL conformance tests run against a throwaway cluster started here and removed after,
# the Slurm grading test against a throwaway single-node Slurm cluster the same way; the browser
# tests of the window and of the room's instructor view (pytest, headless Chromium) run after the
# Swift tests, on the same build.
test: deps test-deps
	$(SWIFT) format lint --strict -r $(FORMATTED)
	$(SWIFT) build --build-tests
	@url=$$(scripts/test-postgres.sh start) || exit 1; \
	folder=$$(echo "$$url" | sed 's/.*host=\([^&]*\).*/\1/'); \
	slurm=$$(scripts/test-slurm.sh start) || { scripts/test-postgres.sh stop "$$folder"; exit 1; }; \
	trap 'scripts/test-postgres.sh stop "$$folder"; scripts/test-slurm.sh stop "$$(dirname "$$slurm")"' EXIT; \
	WORKSHOP_TEST_POSTGRES="$$url" WORKSHOP_TEST_SLURM="$$slurm" $(SWIFT) test --skip-build
	PYTHONDONTWRITEBYTECODE=1 python3 -m pytest -p no:cacheprovider -q -s Tests/BrowserTests

# The style of .swift-format, checked by `make test` (swift-format ships with the toolchain);
# `make format` rewrites the files to it.
FORMATTED := Sources Tests Plugins benchmarks/StoreBenchmark
format:
	$(SWIFT) format format -i -r $(FORMATTED)

# What the tests need beyond the build: bubblewrap (the grading sandbox), a PostgreSQL server
# (the store conformance suite), Slurm and munge (grading as an array job), a JUnit parser from PyPI (a real consumer of the JUnit reports),
# and headless Chromium with its driver and Selenium and pytest (the window's browser test).
test-deps:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { echo "installing: postgresql"; $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; }
	@{ [ -x /usr/sbin/slurmctld ] && [ -x /usr/sbin/munged ]; } || { echo "installing: slurm-wlm munge"; $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge; }
	@command -v bwrap >/dev/null || { echo "installing: bubblewrap"; $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bubblewrap; }
	@command -v less >/dev/null || { echo "installing: less"; $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq less; }
	@python3 -c 'import junitparser' 2>/dev/null || { echo "installing: junitparser (PyPI)"; python3 -m pip install -q --root-user-action=ignore junitparser; }
	@{ command -v chromium >/dev/null && command -v chromedriver >/dev/null; } || { echo "installing: chromium chromium-driver"; $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; }
	@python3 -c 'import selenium, pytest' 2>/dev/null || { echo "installing: selenium pytest (PyPI)"; python3 -m pip install -q --root-user-action=ignore selenium pytest; }

build: deps
	$(SWIFT) build --product workshop

# A release binary in $(PREFIX)/bin (default ~/.local/bin, no root needed). The kit's sources and
# the course are compiled into it, so it works from any folder; it still needs a Swift toolchain
# to compile learner code, and libedit, SQLite and libpq at run time.
PREFIX ?= $(HOME)/.local
install: deps
	$(SWIFT) build -c release --product workshop
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 755 "$$($(SWIFT) build -c release --show-bin-path)/workshop" "$(DESTDIR)$(PREFIX)/bin/workshop"
	@echo "installed $(DESTDIR)$(PREFIX)/bin/workshop ($$("$(DESTDIR)$(PREFIX)/bin/workshop" --version))"

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
