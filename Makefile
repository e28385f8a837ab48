# planpress — see README.md.
#   make          install the missing Debian packages that building and running
#                 need, build, render plans/ into out/
#   make test     also install the test tools, then every test (unit, end-to-end)
#   make install  the binary, the default templates, the man page, the formats,
#                 schemas and samples, the systemd units and the bash completion
#                 under $(DESTDIR)$(PREFIX) (PREFIX defaults to /usr/local)
#   make install-strip  the same with the binary stripped

BUILD   := .build
BIN     := $(BUILD)/planpress
MO      := $(BUILD)/locale/sv/LC_MESSAGES/planpress.mo
# Every file that writes a message: the command line's and the diagnostics.
I18N_SRC := $(sort $(wildcard src/*.c src/*/*.[ch]))
# The functions whose argument (its position) is a message looked up with gettext.
I18N_KEYWORDS := _ N_ ngettext:1,2 diag_add:7 yread_error:4 yread_error_at:4 yread_warning_at:4 \
    COMPILE_ERROR:4 RENDER_ERROR:4 err:3 warn:3 note:3 need:4 warn_at:4 fail:3 fail_at:4 \
    load_lookup:4 load_unique_id:4 error_at_byte:5
VERSION := 0.1.0

PREFIX  ?= /usr/local
BINDIR  := $(PREFIX)/bin
DATADIR := $(PREFIX)/share/planpress
MANDIR  := $(PREFIX)/share/man
DOCDIR  := $(PREFIX)/share/doc/planpress
UNITDIR ?= $(PREFIX)/lib/systemd/system
COMPLETIONDIR ?= $(PREFIX)/share/bash-completion/completions
LOCALEDIR := $(PREFIX)/share/locale
# The project folder the systemd service builds in (plans/, templates/, out/).
PROJECT ?= /srv/planpress
INSTALL_PROGRAM ?= install -m 755

# The tests expect the English messages, whatever the user's locale.
export LANGUAGE :=
export LC_ALL := C.UTF-8

CC      ?= cc
CFLAGS  ?= -O2 -g
WARN    := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes
DEFS    := -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -DPLANPRESS_VERSION='"$(VERSION)"'

# One folder per stage, in the order of the pipeline (see README.md); every
# folder is on the include path, and tests/check_includes.py keeps the order.
STAGES   := base load compute template typeset pdf batch
INCLUDES := $(STAGES:%=-Isrc/%)
SRC      := src/main.c $(foreach s,$(STAGES),$(wildcard src/$(s)/*.c))
LIB_SRC  := $(filter-out src/main.c,$(SRC))
LIB_OBJ  := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/baked_dictionaries.o \
            $(BUILD)/obj/baked_kernings.o $(BUILD)/obj/srgb_icc.o
TESTS    := $(patsubst tests/%.c,$(BUILD)/tests/%,$(wildcard tests/test_*.c))

SANITIZE := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

.PHONY: FORCE all render build test includes unit e2e sanitize install install-strip uninstall clean bench-pdf bench-template po pot
all: render

# Missing packages are installed first; then the compiler and linker flags
# are asked of pkg-config (make restarts once this file exists). Only what
# building and running need: the test tools come with the first test target.
$(BUILD)/config.mk: .ci/deps
	@mkdir -p $(BUILD)
	@sh .ci/deps
	@{ echo "PKG_CFLAGS := $$(pkg-config --cflags yaml-0.1 harfbuzz harfbuzz-subset libcmark-gfm)"; \
	   echo "PKG_LIBS := $$(pkg-config --libs yaml-0.1 harfbuzz harfbuzz-subset libcmark-gfm libdeflate libxxhash) -lcmark-gfm-extensions -lhpdf -lhyphen -lcsv -lm"; } > $@.tmp && mv $@.tmp $@
-include $(BUILD)/config.mk

# The small C libraries are linked in from Debian's static archives where
# it ships them (libyaml-dev, libdeflate-dev, libxxhash-dev,
# libhyphen-dev, libcsv-dev, libcmark-gfm-dev): a process then maps and
# relocates seven shared objects fewer. `make STATIC_LIBS=` links every
# library as a shared one.
STATIC_LIBS ?= yaml deflate xxhash hyphen csv cmark-gfm cmark-gfm-extensions
static_lib = $(if $(filter /%,$(shell $(CC) -print-file-name=lib$(1).a)),-l:lib$(1).a,-l$(1))
# (a group: an archive may need one named before it)
LINK_LIBS := -Wl,--start-group $(foreach l,$(PKG_LIBS),$(if $(filter $(l:-l%=%),$(STATIC_LIBS)),$(call static_lib,$(l:-l%=%)),$(l))) -Wl,--end-group

# The tools of the tests (cmocka, PDF readers, the schema validator, clang):
# every target that tests something waits for them (order-only).
TEST_TOOLS := $(BUILD)/test-tools
$(TEST_TOOLS): .ci/deps
	@mkdir -p $(BUILD)
	@sh .ci/deps test
	@touch $@
CMOCKA_CFLAGS = $(shell pkg-config --cflags cmocka)
CMOCKA_LIBS = $(shell pkg-config --libs cmocka)

ALL_CFLAGS = $(WARN) $(DEFS) $(INCLUDES) $(PKG_CFLAGS) $(CFLAGS) -pthread

build: $(BIN) $(MO)

render: $(BIN) $(MO)
	$(BIN) build plans -o out

# The messages in Swedish (po/sv.po, see src/base/i18n.h): the catalogue sits
# beside the binary in the build tree, where the binary looks first.
$(MO): po/sv.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

# After changing a message in I18N_SRC: the template and the Swedish catalogue
# brought up to date (then translate what msgmerge marks fuzzy or leaves empty).
# `make pot POT=FILE` writes the template elsewhere (the tests compare it with po/sv.po).
POT ?= po/planpress.pot
pot:
	xgettext --from-code=UTF-8 --language=C $(addprefix --keyword=,$(I18N_KEYWORDS)) \
	    --package-name=planpress --msgid-bugs-address= --no-location -o $(POT) $(I18N_SRC)

po: pot
	msgmerge --quiet --update --backup=none po/sv.po $(POT)

$(BUILD)/obj/%.o: src/%.c $(BUILD)/config.mk
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

# The default style's hyphenation dictionary, compiled in (see
# src/typeset/baked_dictionary.h): libhyphen parses it here once, not in every run.
BAKED_DICTIONARIES := $(shell sed -n 's/^ *dictionary: *//p' templates/style.yaml)

# What of src/base the build's own tools are linked with.
BAKE_BASE := src/base/strbuf.c src/base/format.c src/base/oom.c src/base/regular.c

$(BUILD)/bake_dictionary: src/tools/bake_dictionary.c $(BAKE_BASE) $(BUILD)/config.mk
	$(CC) $(WARN) $(DEFS) $(INCLUDES) -O1 -o $@ src/tools/bake_dictionary.c $(BAKE_BASE) -lhyphen -lxxhash

$(BUILD)/gen/baked_dictionaries.c: $(BUILD)/bake_dictionary templates/style.yaml $(wildcard $(BAKED_DICTIONARIES))
	@mkdir -p $(dir $@)
	$(BUILD)/bake_dictionary $@.tmp $(BAKED_DICTIONARIES) && mv $@.tmp $@

$(BUILD)/obj/baked_dictionaries.o: $(BUILD)/gen/baked_dictionaries.c
	$(CC) $(ALL_CFLAGS) -c $< -o $@

# The default style's fonts: their character and kerning tables compiled in
# (src/typeset/baked_kerning.h), built here by fonts.c itself.
BAKED_FONTS := $(shell sed -n 's/^  \(regular\|bold\|italic\|bold_italic\|mono\): *//p' templates/style.yaml | sort -u)
BAKE_KERNING_OBJ := $(addprefix $(BUILD)/obj/,typeset/fonts.o typeset/subset.o \
                    typeset/baked_kerning.o base/diag.o base/arena.o base/strbuf.o base/format.o \
                    base/oom.o base/regular.o)

$(BUILD)/bake_kerning: src/tools/bake_kerning.c $(BAKE_KERNING_OBJ)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LINK_LIBS)

$(BUILD)/gen/baked_kernings.c: $(BUILD)/bake_kerning templates/style.yaml $(wildcard $(BAKED_FONTS))
	@mkdir -p $(dir $@)
	$(BUILD)/bake_kerning $@.tmp $(BAKED_FONTS) && mv $@.tmp $@

$(BUILD)/obj/baked_kernings.o: $(BUILD)/gen/baked_kernings.c
	$(CC) $(ALL_CFLAGS) -c $< -o $@

# The sRGB profile of the output intent (src/pdf/srgb_icc.h), compiled in,
# compressed as every document would compress it.
SRGB_ICC := /usr/share/color/icc/ghostscript/srgb.icc

$(BUILD)/bake_deflate: src/tools/bake_deflate.c src/pdf/pdfstream.h $(BAKE_BASE) $(BUILD)/config.mk
	$(CC) $(WARN) $(DEFS) $(INCLUDES) -O1 -o $@ src/tools/bake_deflate.c $(BAKE_BASE) $(call static_lib,deflate)

$(BUILD)/gen/srgb_icc.c: $(BUILD)/bake_deflate $(SRGB_ICC)
	@mkdir -p $(dir $@)
	$(BUILD)/bake_deflate $@.tmp srgb_icc.h srgb_icc_deflated $(SRGB_ICC) && mv $@.tmp $@

$(BUILD)/obj/srgb_icc.o: $(BUILD)/gen/srgb_icc.c
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/libplanpress.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

# The list of libraries as last linked: the program is linked again when
# it changes (`make STATIC_LIBS=`), not only when an object does.
LINK_STAMP := $(BUILD)/link-libs
$(LINK_STAMP): FORCE
	@mkdir -p $(BUILD)
	@echo '$(LINK_LIBS)' | cmp -s - $@ || echo '$(LINK_LIBS)' > $@
FORCE:

$(BIN): $(BUILD)/obj/main.o $(BUILD)/libplanpress.a $(LINK_STAMP)
	$(CC) $(CFLAGS) -pthread -Wl,--build-id -o $@ $(filter-out $(LINK_STAMP),$^) $(LINK_LIBS)

$(BUILD)/tests/%: tests/%.c $(BUILD)/libplanpress.a | $(TEST_TOOLS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -MMD -MP -Wl,--build-id -o $@ $< $(BUILD)/libplanpress.a $(LINK_LIBS) $(CMOCKA_LIBS) -pthread

test: includes unit e2e sanitize

# No include cycles, and no stage including a later one.
includes: | $(TEST_TOOLS)
	python3 tests/check_includes.py src

# The whole suite again under AddressSanitizer (with its leak checker) and
# UndefinedBehaviorSanitizer, in a build directory of its own.
sanitize:
	$(MAKE) --no-print-directory BUILD=$(BUILD)/sanitize CFLAGS="$(SANITIZE)" unit e2e

unit: $(TESTS)
	@set -e; for t in $(TESTS); do echo "== $$t"; (cd tests && ../$$t); done

e2e: $(BIN) $(MO) $(BUILD)/tests/libinject.so | $(TEST_TOOLS)
	sh tests/e2e.sh $(BIN)
	sh tests/e2e_layout.sh $(BIN)
	sh tests/e2e_batch.sh $(BIN)
	sh tests/e2e_pdf.sh $(BIN)
	sh tests/e2e_tagged.sh $(BIN)
	sh tests/e2e_documents_plan.sh $(BIN)
	sh tests/e2e_documents_meeting.sh $(BIN)
	sh tests/e2e_documents_annual.sh $(BIN)
	sh tests/e2e_usability.sh $(BIN)
	sh tests/e2e_typography.sh $(BIN)
	sh tests/e2e_crash.sh $(BIN) $(BUILD)/tests/libinject.so
	sh tests/e2e_hostile.sh $(BIN)
	sh tests/e2e_install.sh $(BIN)
	sh tests/e2e_cli.sh $(BIN)
	sh tests/e2e_i18n.sh $(BIN)

# The binary finds the templates in ../share/planpress/templates beside it.
# The documentation folder keeps the repository's layout (docs/, plans/), so
# that the samples' schema lines find the schemas there too.
install: $(BIN) $(MO)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/templates $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(DOCDIR)/docs/formats $(DESTDIR)$(DOCDIR)/docs/schema $(DESTDIR)$(DOCDIR)/plans \
	    $(DESTDIR)$(UNITDIR) $(DESTDIR)$(COMPLETIONDIR) $(DESTDIR)$(LOCALEDIR)/sv/LC_MESSAGES
	$(INSTALL_PROGRAM) $(BIN) $(DESTDIR)$(BINDIR)/planpress
	install -m 644 $(MO) $(DESTDIR)$(LOCALEDIR)/sv/LC_MESSAGES/planpress.mo
	cp -R templates/. $(DESTDIR)$(DATADIR)/templates/
	install -m 644 docs/planpress.1 $(DESTDIR)$(MANDIR)/man1/planpress.1
	install -m 644 README.md $(DESTDIR)$(DOCDIR)/README.md
	install -m 644 docs/markdown.md $(DESTDIR)$(DOCDIR)/docs/markdown.md
	install -m 644 docs/formats/*.md $(DESTDIR)$(DOCDIR)/docs/formats/
	install -m 644 docs/schema/*.json $(DESTDIR)$(DOCDIR)/docs/schema/
	cp -R plans/. $(DESTDIR)$(DOCDIR)/plans/
	sed -e 's|@BINDIR@|$(BINDIR)|g' -e 's|@PROJECT@|$(PROJECT)|g' docs/install/planpress.service.in \
	    >$(DESTDIR)$(UNITDIR)/planpress.service
	chmod 644 $(DESTDIR)$(UNITDIR)/planpress.service
	install -m 644 docs/install/planpress.timer $(DESTDIR)$(UNITDIR)/planpress.timer
	install -m 644 docs/install/planpress.bash-completion $(DESTDIR)$(COMPLETIONDIR)/planpress

install-strip:
	$(MAKE) --no-print-directory install INSTALL_PROGRAM='install -s -m 755'

uninstall:
	rm -rf $(DESTDIR)$(BINDIR)/planpress $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)/man1/planpress.1 \
	    $(DESTDIR)$(DOCDIR) $(DESTDIR)$(UNITDIR)/planpress.service $(DESTDIR)$(UNITDIR)/planpress.timer \
	    $(DESTDIR)$(COMPLETIONDIR)/planpress $(DESTDIR)$(LOCALEDIR)/sv/LC_MESSAGES/planpress.mo

# Figures, not a test: how long a plan takes from Markdown to PDF bytes.
bench-pdf: $(BUILD)/bench_pdf
	$(BUILD)/bench_pdf

$(BUILD)/bench_pdf: tests/bench_pdf.c $(BUILD)/libplanpress.a
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libplanpress.a $(LINK_LIBS) -pthread

# Figures, not a test: how long the template stage takes for the Samsund plan.
bench-template: $(BUILD)/bench_template
	$(BUILD)/bench_template

$(BUILD)/bench_template: tests/bench_template.c $(BUILD)/libplanpress.a
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libplanpress.a $(LINK_LIBS) -pthread

clean:
	rm -rf $(BUILD) out

-include $(LIB_OBJ:.o=.d) $(BUILD)/obj/main.d $(TESTS:=.d)

# ---- proof: fuzzing, the bad-input corpus, the benchmark ---------------------
# make fuzz       fuzzes every target for FUZZ_SECONDS each (libFuzzer, clang)
# make bench      the benchmark; writes docs/performance.md
# make test runs the fuzz targets briefly, replays the seeds and regressions
# (also under the sanitizers) and the bad-input corpus (tests/bad).
FUZZ_SECONDS       ?= 60
FUZZ_SMOKE_SECONDS ?= 3
FUZZ_TARGETS := load_plan load_association load_outcome load_minutes load_group mustache typeset sie csv
# clang warns of things gcc does not: the default build keeps -Werror, the
# fuzzers are built anyway.
FUZZ_CFLAGS  := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
                -fno-sanitize-recover=all -fsanitize=fuzzer-no-link -Wno-error
FUZZ_DIR     := $(BUILD)/fuzz
FUZZ_HARNESS := tests/fuzz/fuzz.c
FUZZ_DEPS    := $(wildcard tests/fuzz/*.c tests/fuzz/*.h) $(BUILD)/libplanpress.a

fuzz_defs_load_plan        := -DFUZZ_LOADER=load_plan -DFUZZ_FILE='"plan-2024.yaml"' -DFUZZ_RENDER_PLAN
fuzz_defs_load_association := -DFUZZ_LOADER=load_association -DFUZZ_FILE='"association.yaml"'
fuzz_defs_load_outcome     := -DFUZZ_LOADER=load_outcome -DFUZZ_FILE='"outcome-2024.yaml"'
fuzz_defs_load_minutes     := -DFUZZ_LOADER=load_minutes -DFUZZ_FILE='"minutes-2024-02-23.yaml"'
fuzz_defs_load_group       := -DFUZZ_LOADER=load_group -DFUZZ_FILE='"group.yaml"'
fuzz_source = $(if $(filter load_%,$*),tests/fuzz/load.c,tests/fuzz/$*.c)
fuzz_compile = $(CC) $(ALL_CFLAGS) -Itests/fuzz -DPLANPRESS_ROOT='"$(CURDIR)"' $(fuzz_defs_$*)

.PHONY: fuzz fuzz-smoke fuzzers replay bad proof sanitize-proof bench
test: proof
proof: replay bad fuzz-smoke
sanitize: sanitize-proof
sanitize-proof:
	$(MAKE) --no-print-directory BUILD=$(BUILD)/sanitize CFLAGS="$(SANITIZE)" replay bad

$(FUZZ_DIR)/replay_%: $(FUZZ_DEPS) | $(TEST_TOOLS)
	@mkdir -p $(dir $@)
	$(fuzz_compile) -o $@ $(fuzz_source) $(FUZZ_HARNESS) tests/fuzz/replay.c $(BUILD)/libplanpress.a $(LINK_LIBS) -pthread

$(FUZZ_DIR)/fuzz_%: $(FUZZ_DEPS) | $(TEST_TOOLS)
	@mkdir -p $(dir $@)
	$(fuzz_compile) -fsanitize=fuzzer -o $@ $(fuzz_source) $(FUZZ_HARNESS) $(BUILD)/libplanpress.a $(LINK_LIBS) -pthread

replay: $(FUZZ_TARGETS:%=$(FUZZ_DIR)/replay_%)
	sh tests/fuzz/run.sh replay $(FUZZ_DIR)

$(BUILD)/bad/load: tests/bad/load.c $(BUILD)/libplanpress.a | $(TEST_TOOLS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libplanpress.a $(LINK_LIBS) -pthread

bad: $(BIN) $(BUILD)/bad/load | $(TEST_TOOLS)
	bash tests/bad/run.sh $(BIN) $(BUILD)/bad/load

# The fuzzers are built with clang in a build directory of their own.
fuzzers: $(FUZZ_TARGETS:%=$(FUZZ_DIR)/fuzz_%)
fuzz: | $(TEST_TOOLS)
	$(MAKE) --no-print-directory BUILD=$(BUILD)/libfuzzer CC=clang CFLAGS="$(FUZZ_CFLAGS)" fuzzers
	sh tests/fuzz/run.sh fuzz $(BUILD)/libfuzzer/fuzz $(FUZZ_SECONDS)
# A fixed seed, so that make test fuzzes the same way each time.
fuzz-smoke:
	FUZZ_SEED=1 $(MAKE) --no-print-directory fuzz FUZZ_SECONDS=$(FUZZ_SMOKE_SECONDS)

$(BUILD)/bench/markdown: tests/bench/markdown.c $(BUILD)/libplanpress.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libplanpress.a $(LINK_LIBS) -pthread

$(BUILD)/bench/typst: tests/bench/typst.c $(BUILD)/libplanpress.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libplanpress.a $(LINK_LIBS) -pthread

# The peers (pandoc and its engines from Debian, Typst from npm) are
# installed by the benchmark itself, not by make; each is optional.
bench: $(BIN) $(BUILD)/bench/markdown $(BUILD)/bench/typst $(BUILD)/bench_pdf | $(TEST_TOOLS)
	bash tests/bench/bench.sh $(BIN) $(BUILD)/bench/markdown

# The stand-in for a crashing library that tests/e2e_crash.sh preloads: built
# on its own, without the sanitizers (it is never linked into planpress).
$(BUILD)/tests/libinject.so: tests/crash/inject.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O1 -g -fPIC -shared -Wall -Wextra -Werror -o $@ $< -ldl
