# cookbox: one multicall binary. make, make check, make check-asan, make bench, make install.
VERSION = 0.1.0
PREFIX = /usr/local
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man
DESTDIR =

CC = cc
CFLAGS = -O2 -g
LDFLAGS =
STD_CFLAGS = -std=c11 -D_GNU_SOURCE -Wall -Wextra -Ilib -DCOOKBOX_VERSION='"$(VERSION)"'
SAN_FLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

# name in pkg-config : Debian package that provides it
DEPS = libpcre2-8:libpcre2-dev libutf8proc:libutf8proc-dev zlib:zlib1g-dev
DEP_CFLAGS := $(shell pkg-config --cflags $(foreach d,$(DEPS),$(firstword $(subst :, ,$(d)))) 2>/dev/null)
DEP_LIBS := $(shell pkg-config --libs $(foreach d,$(DEPS),$(firstword $(subst :, ,$(d)))) 2>/dev/null) -lbz2 -lm
# ISA-L's inflate for gzip when libisal is installed (Debian libisal-dev), zlib's otherwise;
# COOKBOX_INFLATE=zlib in the environment picks zlib's at run time (make check runs both).
HAVE_ISAL := $(shell pkg-config --exists libisal 2>/dev/null && echo 1)
ifeq ($(HAVE_ISAL),1)
DEP_CFLAGS += -DHAVE_ISAL $(shell pkg-config --cflags libisal)
DEP_LIBS += $(shell pkg-config --libs libisal)
endif

LIB_SRC = $(sort $(wildcard lib/*.c))
CMD_SRC = $(sort $(wildcard cmd/*.c))
UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))
OBJ = $(patsubst %.c,build/%.o,$(LIB_SRC) $(CMD_SRC))
LIB_OBJ = $(patsubst %.c,build/%.o,$(LIB_SRC))
UNIT_BIN = $(patsubst %.c,build/%,$(UNIT_SRC))
ASAN_OBJ = $(patsubst %.c,build/asan/%.o,$(LIB_SRC) $(CMD_SRC))
ASAN_LIB_OBJ = $(patsubst %.c,build/asan/%.o,$(LIB_SRC))
ASAN_UNIT_BIN = $(patsubst %.c,build/asan/%,$(UNIT_SRC))

all: cookbox

cookbox: $(OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJ) $(DEP_LIBS) -lpthread

build/asan/cookbox: $(ASAN_OBJ)
	$(CC) $(CFLAGS) $(SAN_FLAGS) $(LDFLAGS) -o $@ $(ASAN_OBJ) $(DEP_LIBS) -lpthread

build/asan/%.o: %.c | build/.deps
	@mkdir -p $(@D)
	$(CC) $(STD_CFLAGS) $(DEP_CFLAGS) $(CFLAGS) $(SAN_FLAGS) -MMD -MP -c -o $@ $<

build/%.o: %.c | build/.deps
	@mkdir -p $(@D)
	$(CC) $(STD_CFLAGS) $(DEP_CFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

build/asan/tests/unit/%: build/asan/tests/unit/%.o $(ASAN_LIB_OBJ)
	$(CC) $(CFLAGS) $(SAN_FLAGS) $(LDFLAGS) -o $@ $^ $(DEP_LIBS) -lpthread

build/tests/unit/%: build/tests/unit/%.o $(LIB_OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(DEP_LIBS) -lpthread

# One clear line naming the Debian package when a dependency is missing.
build/.deps:
	@command -v pkg-config >/dev/null 2>&1 || { echo "cookbox: pkg-config not found: apt-get install pkg-config" >&2; exit 1; }
	@for d in $(DEPS); do pkg-config --exists $${d%%:*} || { echo "cookbox: $${d%%:*} not found: apt-get install $${d#*:}" >&2; exit 1; }; done
	@printf '#include <bzlib.h>\n' | $(CC) -E -x c - >/dev/null 2>&1 || { echo "cookbox: bzlib.h not found: apt-get install libbz2-dev" >&2; exit 1; }
	@mkdir -p $(@D) && touch $@

check: cookbox $(UNIT_BIN)
	@bash tests/check.sh ./cookbox build

check-asan: build/asan/cookbox $(ASAN_UNIT_BIN)
	@ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		bash tests/check.sh build/asan/cookbox build/asan

demo: cookbox
	@bash examples/demo.sh ./cookbox

# libFuzzer targets: clang with -fsanitize=fuzzer (Debian libclang-rt-14-dev).
FUZZ_SRC = $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN = $(patsubst tests/fuzz/%.c,build/fuzz/%,$(FUZZ_SRC))
fuzz: $(FUZZ_BIN)
build/fuzz/%: tests/fuzz/%.c $(LIB_SRC) | build/.deps
	@mkdir -p $(@D)
	clang $(STD_CFLAGS) $(DEP_CFLAGS) -g -O1 -fsanitize=fuzzer,address,undefined -o $@ $< $(LIB_SRC) $(DEP_LIBS) -lpthread

bench: cookbox
	@for b in bench/*.sh; do [ -e "$$b" ] && bash "$$b" ./cookbox; done; true

install: cookbox
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 cookbox $(DESTDIR)$(BINDIR)/cookbox
	for a in $$(./cookbox --list); do ln -sf cookbox $(DESTDIR)$(BINDIR)/$$a; done
	install -m 644 man/man1/*.1 $(DESTDIR)$(MANDIR)/man1/

uninstall: cookbox
	for a in $$(./cookbox --list); do rm -f $(DESTDIR)$(BINDIR)/$$a; done
	rm -f $(DESTDIR)$(BINDIR)/cookbox
	rm -f $(foreach m,$(notdir $(wildcard man/man1/*.1)),$(DESTDIR)$(MANDIR)/man1/$(m))

lint-man:
	mandoc -Tlint -Wwarning man/man1/*.1

clean:
	rm -rf build cookbox

.PHONY: all check check-asan demo fuzz bench install uninstall lint-man clean
.SECONDARY:

-include $(OBJ:.o=.d) $(ASAN_OBJ:.o=.d) $(UNIT_SRC:%.c=build/%.d) $(UNIT_SRC:%.c=build/asan/%.d)
