# The two commands of the README: `make run` opens the shell, `make test` runs every test.
# Both first install what is missing (Debian packages through apt-get, with sudo when not root).

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian packages the build and the tests need, each with a file that shows it is installed.
DEPS := libedit-dev:/usr/include/editline/readline.h libsqlite3-dev:/usr/include/sqlite3.h pkg-config:/usr/bin/pkg-config

.PHONY: run test test-deps build deps bench clean

run: deps
	@$(SWIFT) build --product workshop
	@exec .build/debug/workshop

test: deps test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# What the tests need beyond the build: bubblewrap (the grading sandbox) and a JUnit parser
# from PyPI (a real consumer of the JUnit reports).
test-deps:
	@command -v bwrap >/dev/null || { echo "installing: bubblewrap"; $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bubblewrap; }
	@python3 -c 'import junitparser' 2>/dev/null || { echo "installing: junitparser (PyPI)"; python3 -m pip install -q --root-user-action=ignore junitparser; }

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
