# planpress — see README.md.
#   make          install missing Debian packages, build, render plans/ into out/
#   make test     the same set-up, then every test (unit and end-to-end)
#   make install  the binary, the default templates and the man page under
#                 $(DESTDIR)$(PREFIX) (PREFIX defaults to /usr/local)

BUILD   := .build
BIN     := $(BUILD)/planpress
VERSION := 0.1.0

PREFIX  ?= /usr/local
BINDIR  := $(PREFIX)/bin
DATADIR := $(PREFIX)/share/planpress
MANDIR  := $(PREFIX)/share/man

CC      ?= cc
CFLAGS  ?= -O2 -g
WARN    := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes
DEFS    := -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -DPLANPRESS_VERSION='"$(VERSION)"'

SRC      := $(wildcard src/*.c)
LIB_SRC  := $(filter-out src/main.c,$(SRC))
LIB_OBJ  := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
TESTS    := $(patsubst tests/%.c,$(BUILD)/tests/%,$(wildcard tests/test_*.c))

SANITIZE := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

.PHONY: all render build test unit e2e sanitize install uninstall clean bench-pdf bench-template
all: render

# Missing packages are installed first; then the compiler and linker flags
# are asked of pkg-config (make restarts once this file exists).
$(BUILD)/config.mk: .ci/deps
	@mkdir -p $(BUILD)
	@sh .ci/deps
	@{ echo "PKG_CFLAGS := $$(pkg-config --cflags yaml-0.1 harfbuzz harfbuzz-subset libcmark-gfm cmocka)"; \
	   echo "PKG_LIBS := $$(pkg-config --libs yaml-0.1 harfbuzz harfbuzz-subset libcmark-gfm libdeflate) -lcmark-gfm-extensions -lhpdf -lhyphen -lm"; \
	   echo "CMOCKA_LIBS := $$(pkg-config --libs cmocka)"; } > $@.tmp && mv $@.tmp $@
-include $(BUILD)/config.mk

ALL_CFLAGS = $(WARN) $(DEFS) $(PKG_CFLAGS) $(CFLAGS) -pthread

build: $(BIN)

render: $(BIN)
	$(BIN) build plans -o out

$(BUILD)/obj/%.o: src/%.c $(BUILD)/config.mk
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/libplanpress.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

$(BIN): $(BUILD)/obj/main.o $(BUILD)/libplanpress.a
	$(CC) $(CFLAGS) -pthread -o $@ $^ $(PKG_LIBS)

$(BUILD)/tests/%: tests/%.c $(BUILD)/libplanpress.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc -MMD -MP -o $@ $< $(BUILD)/libplanpress.a $(PKG_LIBS) $(CMOCKA_LIBS) -pthread

test: unit e2e sanitize

# The whole suite again under AddressSanitizer (with its leak checker) and
# UndefinedBehaviorSanitizer, in a build directory of its own.
sanitize:
	$(MAKE) --no-print-directory BUILD=$(BUILD)/sanitize CFLAGS="$(SANITIZE)" unit e2e

unit: $(TESTS)
	@set -e; for t in $(TESTS); do echo "== $$t"; (cd tests && ../$$t); done

e2e: $(BIN)
	sh tests/e2e.sh $(BIN)
	sh tests/e2e_layout.sh $(BIN)
	sh tests/e2e_batch.sh $(BIN)
	sh tests/e2e_pdf.sh $(BIN)
	sh tests/e2e_documents_plan.sh $(BIN)
	sh tests/e2e_documents_meeting.sh $(BIN)

# The binary finds the templates in ../share/planpress/templates beside it.
install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/templates $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/planpress
	cp -R templates/. $(DESTDIR)$(DATADIR)/templates/
	install -m 644 docs/planpress.1 $(DESTDIR)$(MANDIR)/man1/planpress.1

uninstall:
	rm -rf $(DESTDIR)$(BINDIR)/planpress $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)/man1/planpress.1

# Figures, not a test: how long a plan takes from Markdown to PDF bytes.
bench-pdf: $(BUILD)/bench_pdf
	$(BUILD)/bench_pdf

$(BUILD)/bench_pdf: tests/bench_pdf.c $(BUILD)/libplanpress.a
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(BUILD)/libplanpress.a $(PKG_LIBS) -pthread

# Figures, not a test: how long the template stage takes for the Samsund plan.
bench-template: $(BUILD)/bench_template
	$(BUILD)/bench_template

$(BUILD)/bench_template: tests/bench_template.c $(BUILD)/libplanpress.a
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(BUILD)/libplanpress.a $(PKG_LIBS) -pthread

clean:
	rm -rf $(BUILD) out

-include $(LIB_OBJ:.o=.d) $(BUILD)/obj/main.d $(TESTS:=.d)
