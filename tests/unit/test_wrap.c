/* Unit tests for lib/wrap: fills by hand (Python's results), dedent, streaming in parts
 * against filling at once, and properties over generated Unicode text (fixed seed): no line
 * wider than the width unless it is one grapheme cluster, the words out in order, unchanged. */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"
#include "wrap.h"
#include "unit.h"

static struct wrap *mk(long width, enum wrap_count count)
{
	struct wrap_opts o;
	char err[160];

	wrap_opts_init(&o);
	o.width = width;
	o.count = count;
	return wrap_new(&o, err, sizeof err);
}

static void fill_is(struct wrap *w, const char *in, const char *want)
{
	struct buf out = BUF_INIT;

	CHECK_INT(wrap_fill(w, in, strlen(in), &out), 0);
	CHECK_MEM(out.p, out.len, want, strlen(want));
	buf_free(&out);
}

static void test_fill(void)
{
	struct wrap *w = mk(12, WRAP_CODEPOINTS);
	struct wrap_opts o;
	char err[160];

	fill_is(w, "Hello there -- you goof-ball, use the -b option!",
		"Hello there\n-- you goof-\nball, use\nthe -b\noption!\n");
	fill_is(w, "", "\n");
	fill_is(w, "look-a-like look-a-like", "look-a-like\nlook-a-like\n");
	wrap_free(w);
	w = mk(10, WRAP_COLUMNS);
	fill_is(w, "\xe6\x88\x91\xe8\x83\xbd\xe5\x90\x9e\xe4\xb8\x8b\xe7\x8e\xbb\xe7\x92\x83",
		"\xe6\x88\x91\xe8\x83\xbd\xe5\x90\x9e\xe4\xb8\x8b\xe7\x8e\xbb\n\xe7\x92\x83\n");
	CHECK_INT(wrap_width(w, "\xe6\x88\x91" "a", 4), 3);
	wrap_free(w);

	wrap_opts_init(&o);
	o.width = 0;
	CHECK(wrap_new(&o, err, sizeof err) == NULL);
	CHECK_STR(err, "invalid width 0 (must be > 0)");
	o.width = 4;
	o.max_lines = 1;
	CHECK(wrap_new(&o, err, sizeof err) == NULL);
	CHECK_STR(err, "placeholder too large for max width");
	o.max_lines = -1;
	o.initial_indent = "abcde";
	CHECK(wrap_new(&o, err, sizeof err) == NULL);
	CHECK_STR(err, "width 4 is smaller than the indent (5)");
}

static void test_dedent(void)
{
	static const struct { const char *in, *out; } t[] = {
		{ "  a\n  b\n", "a\nb\n" },
		{ "  a\n    b\n", "a\n  b\n" },
		{ "  a\n\tb\n", "  a\n\tb\n" },
		{ "  a\n   \n  b", "a\n\nb" },
		{ "\ta\n\t\tb\n", "a\n\tb\n" },
		{ "", "" },
	};
	size_t i, n;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		char *d = wrap_dedent(t[i].in, strlen(t[i].in), &n);

		CHECK_MEM(d, n, t[i].out, strlen(t[i].out));
		free(d);
	}
}

static uint64_t rng = 20261124;

static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static const char *const pieces[] = {
	"word", "hyphen-ated", "a", "supercalifragilistic", "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e",
	"\xe3\x80\x82", "\xe3\x80\x8c", "\xe3\x80\x8d", "\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4",
	"\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab", "e\xcc\x81", "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9",
	"\xf0\x9f\x87\xab\xf0\x9f\x87\xb7", "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", "\xc2\xa0", "\xe2\x80\x8b",
	"\xc2\xad", "\xe2\x81\xa0", "\033[31m", "\033[0m", "\xe3\x80\x80", "x",
	"\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97\xe7\xac\xa6\xe4\xb8\xb2",
};
static const char *const seps[] = { " ", " ", "  ", "\t", "\n", "" };

/* Keep what the words are made of: drop whitespace, escapes, soft hyphens and '-'. */
static size_t skeleton(const char *s, size_t n, char *o)
{
	size_t i = 0, k = 0;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if (c == 0x1B) {
			i++;
			while (i < n && !((unsigned char)s[i] >= 0x40 && s[i] != '['))
				i++;
			i++;
		} else if (c == ' ' || c == '\t' || c == '\n' || c == '-') {
			i++;
		} else if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xAD) {
			i += 2;
		} else if (c == 0xE3 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x80) {
			i += 3;
		} else {
			o[k++] = s[i++];
		}
	}
	return k;
}

static size_t visible_width(const char *s, size_t n, size_t *clusters)
{
	size_t i = 0, w = 0;

	*clusters = 0;
	while (i < n) {
		int cw;

		if (s[i] == 0x1B) {
			i++;
			while (i < n && !((unsigned char)s[i] >= 0x40 && s[i] != '['))
				i++;
			i++;
			continue;
		}
		i += utf8_cluster(s + i, n - i, &cw);
		w += (size_t)cw;
		++*clusters;
	}
	return w;
}

static void test_properties(void)
{
	struct buf in = BUF_INIT, out = BUF_INIT, part = BUF_INIT, munged = BUF_INIT;
	char *a = NULL, *b = NULL;
	int round, bad = 0;

	for (round = 0; round < 600; round++) {
		long width = 1 + (long)rnd(round % 3 ? 30 : 6);
		struct wrap_opts o;
		struct wrap *w;
		char err[160];
		size_t i, n = 1 + rnd(40), la, lb;

		wrap_opts_init(&o);
		o.width = width;
		o.linebreak = rnd(4) == 0 ? WRAP_LB_UAX14 : WRAP_LB_SIMPLE;
		o.algorithm = rnd(4) == 0 ? WRAP_OPTIMAL : WRAP_GREEDY;
		o.align = rnd(5) == 0 ? WRAP_JUSTIFY : WRAP_LEFT;
		w = wrap_new(&o, err, sizeof err);
		CHECK(w != NULL);
		if (!w)
			continue;
		buf_reset(&in);
		for (i = 0; i < n; i++) {
			buf_adds(&in, pieces[rnd(sizeof pieces / sizeof pieces[0])]);
			buf_adds(&in, seps[rnd(sizeof seps / sizeof seps[0])]);
		}
		buf_reset(&out);
		CHECK_INT(wrap_fill(w, in.p, in.len, &out), 0);
		CHECK(utf8_valid_prefix(out.p, out.len) == out.len);
		/* Width bound. */
		for (i = 0; i < out.len;) {
			const char *nl = memchr(out.p + i, '\n', out.len - i);
			size_t e = (size_t)(nl - out.p), cl, vw = visible_width(out.p + i, e - i, &cl);

			if (vw > (size_t)width && cl > 1 && bad++ < 5)
				fprintf(stderr, "test_wrap: width %ld: line \"%.*s\" is %zu wide\n", width,
					(int)(e - i), out.p + i, vw);
			unit_pass++;
			i = e + 1;
		}
		/* Words preserved, in order. */
		a = realloc(a, in.len + 1);
		b = realloc(b, out.len + 1);
		la = skeleton(in.p, in.len, a);
		lb = skeleton(out.p, out.len, b);
		CHECK_MEM(b, lb, a, la);
		/* Greedy in parts gives the same as at once. */
		if (o.algorithm == WRAP_GREEDY && wrap_can_stream(w)) {
			size_t col = 0, ctx = 0, used, cut;

			wrap_free(w);
			w = wrap_new(&o, err, sizeof err);
			buf_reset(&out);
			CHECK_INT(wrap_fill(w, in.p, in.len, &out), 0);
			wrap_free(w);
			w = wrap_new(&o, err, sizeof err);

			buf_reset(&munged);
			buf_reset(&part);
			wrap_part_reset(w);
			wrap_munge(w, in.p, in.len, &col, &munged);
			/* Feed in three slices, at ASCII bytes. */
			for (cut = munged.len / 3; cut < munged.len && (unsigned char)munged.p[cut] >= 0x80; cut++)
				;
			CHECK_INT(wrap_fill_part(w, munged.p, 0, cut, 0, &used, &part), 0);
			ctx = used;
			CHECK_INT(wrap_fill_part(w, munged.p, used, munged.len, 1, &used, &part), 0);
			(void)ctx;
			CHECK_MEM(part.p, part.len, out.p, out.len);
		}
		wrap_free(w);
	}
	CHECK_INT(bad, 0);
	free(a);
	free(b);
	buf_free(&in);
	buf_free(&out);
	buf_free(&part);
	buf_free(&munged);
}

/* The chunkless paths for plain ASCII (greedy_ascii, optimal_ascii) against the general
 * ones (--max-lines with a huge N takes greedy's; exhaustive, optimal's), on generated text
 * with hyphens, em-dashes, runs of spaces, long words. */
static void test_fast_paths(void)
{
	static const char *const words[] = {
		"a", "bb", "ccc", "well-known", "look-a-like", "foo--bar", "--", "--x", "x--", "a-b-c",
		"A-1", "co-op", "1990-2000", "end.", "stop!", "-", "-b", "x-ray", "e-mail-me",
		"supercalifragilisticexpialidocious", "state-of-the-art", "a--b--c", "Mr.", "'q'",
	};
	static const char *const gaps[] = { " ", " ", " ", " ", "  ", "   ", "\n", "\t" };
	static const char *const indents[] = { "", "", "> ", "    ", "*" };
	struct buf in = BUF_INIT, a = BUF_INIT, b = BUF_INIT;
	int round;

	for (round = 0; round < 3000; round++) {
		struct wrap_opts o;
		struct wrap *fast, *slow;
		char err[160];
		size_t i, n = 1 + rnd(60);

		wrap_opts_init(&o);
		o.width = 1 + (long)rnd(round % 4 ? 40 : 8);
		o.break_on_hyphens = rnd(4) != 0;
		o.break_long_words = rnd(5) != 0;
		o.align = (enum wrap_align)rnd(4);
		o.count = rnd(2) ? WRAP_COLUMNS : WRAP_CODEPOINTS;
		o.initial_indent = indents[rnd(5)];
		o.subsequent_indent = indents[rnd(5)];
		o.algorithm = rnd(2) ? WRAP_GREEDY : WRAP_OPTIMAL;
		if ((long)strlen(o.initial_indent) > o.width || (long)strlen(o.subsequent_indent) > o.width)
			o.initial_indent = o.subsequent_indent = "";
		buf_reset(&in);
		if (rnd(8) == 0)
			buf_adds(&in, "  ");
		for (i = 0; i < n; i++) {
			buf_adds(&in, words[rnd(sizeof words / sizeof words[0])]);
			if (i + 1 < n || rnd(4) == 0)
				buf_adds(&in, gaps[rnd(sizeof gaps / sizeof gaps[0])]);
		}
		fast = wrap_new(&o, err, sizeof err);
		if (o.algorithm == WRAP_GREEDY) {
			o.max_lines = 1 << 30;
			o.placeholder = "";
		} else {
			o.exhaustive = 1;
		}
		slow = wrap_new(&o, err, sizeof err);
		CHECK(fast && slow);
		if (!fast || !slow)
			continue;
		buf_reset(&a);
		buf_reset(&b);
		CHECK_INT(wrap_fill(fast, in.p, in.len, &a), 0);
		CHECK_INT(wrap_fill(slow, in.p, in.len, &b), 0);
		if (a.len != b.len || memcmp(a.p, b.p, a.len))
			fprintf(stderr, "test_wrap: fast path differs, width %ld on \"%s\":\n%s---\n%s",
				o.width, in.p, a.p, b.p);
		CHECK_MEM(a.p, a.len, b.p, b.len);
		wrap_free(fast);
		wrap_free(slow);
	}
	buf_free(&in);
	buf_free(&a);
	buf_free(&b);
}

/* --algorithm=optimal against a brute-force search over all line starts, on words that fit a
 * line, separated by runs of spaces: the least sum of squared slack over all lines but the
 * last, ties broken for the latest start of the last line, as optimal() breaks them. */
static void test_optimal(void)
{
	static const char *const indents[] = { "", "", "", "> ", "   ", "-" };
	struct buf in = BUF_INIT, want = BUF_INIT, got = BUF_INIT;
	size_t len[400], gap[400], start[400], prev[401];
	unsigned long long cost[401];
	int round;

	for (round = 0; round < 3000; round++) {
		struct wrap_opts o;
		struct wrap *w;
		char err[160];
		size_t nw = 1 + rnd(round % 2 ? 400 : 30), i, j, avail0, avail1, maxw;
		size_t line[401], nl = 0;

		wrap_opts_init(&o);
		o.algorithm = WRAP_OPTIMAL;
		o.width = 1 + (long)rnd(round % 3 ? 80 : 12);
		o.initial_indent = indents[rnd(6)];
		o.subsequent_indent = indents[rnd(6)];
		if ((long)strlen(o.initial_indent) >= o.width || (long)strlen(o.subsequent_indent) >= o.width)
			o.initial_indent = o.subsequent_indent = "";
		avail0 = (size_t)o.width - strlen(o.initial_indent);
		avail1 = (size_t)o.width - strlen(o.subsequent_indent);
		maxw = avail0 < avail1 ? avail0 : avail1;
		buf_reset(&in);
		for (i = 0; i < nw; i++) {
			len[i] = 1 + rnd(rnd(4) ? (maxw < 8 ? (unsigned)maxw : 8) : (unsigned)maxw);
			gap[i] = rnd(6) ? 1 : 1 + rnd(3);
			start[i] = in.len;
			for (j = 0; j < len[i]; j++)
				buf_addc(&in, 'a' + (int)rnd(26));
			if (i + 1 < nw)
				for (j = 0; j < gap[i]; j++)
					buf_addc(&in, ' ');
		}
		cost[0] = 0;
		for (j = 1; j <= nw; j++) {
			size_t wd = 0;

			cost[j] = ULLONG_MAX;
			prev[j] = j - 1;
			for (i = j; i-- > 0;) {
				size_t avail = i ? avail1 : avail0;
				unsigned long long c;

				wd += len[i] + (i + 1 < j ? gap[i] : 0);
				if (wd > avail || cost[i] == ULLONG_MAX)
					continue;
				c = cost[i] + (j == nw ? 0 : (unsigned long long)(avail - wd) * (avail - wd));
				if (c < cost[j]) {
					cost[j] = c;
					prev[j] = i;
				}
			}
		}
		for (j = nw; j > 0; j = prev[j])
			line[nl++] = j;
		buf_reset(&want);
		for (i = nl; i-- > 0;) {
			size_t a = i + 1 < nl ? line[i + 1] : 0, b = line[i];

			buf_adds(&want, i + 1 == nl ? o.initial_indent : o.subsequent_indent);
			buf_add(&want, in.p + start[a], start[b - 1] + len[b - 1] - start[a]);
			buf_addc(&want, '\n');
		}
		w = wrap_new(&o, err, sizeof err);
		CHECK(w != NULL);
		if (!w)
			continue;
		buf_reset(&got);
		CHECK_INT(wrap_fill(w, in.p, in.len, &got), 0);
		if (got.len != want.len || memcmp(got.p, want.p, got.len))
			fprintf(stderr, "test_wrap: optimal differs, width %ld on \"%s\":\n%s---\n%s",
				o.width, in.p, got.p, want.p);
		CHECK_MEM(got.p, got.len, want.p, want.len);
		wrap_free(w);
	}
	buf_free(&in);
	buf_free(&want);
	buf_free(&got);
}

/* The fast paths (tokenize_units; optimal's pruned search dp_mono) against none of them
 * (exhaustive: every unit decoded alone, every start tried), greedy and optimal, on generated
 * Unicode text with every kind of chunk (wide, zero-width, soft hyphens, escapes), indents
 * and options. */
static void test_optimal_pruned(void)
{
	static const char *const indents[] = { "", "", "> ", "      ", "\xe6\x97\xa5" };
	static const char *const simple[] = {
		"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", "\xe3\x80\x82", "\xe3\x80\x8c", "\xe3\x80\x8d",
		"\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4", "\xe3\x80\x80", "\xc2\xa0", "x", "word",
		"\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97\xe7\xac\xa6\xe4\xb8\xb2", "na\xc3\xafve", "(", ")",
		"end.", " ", "  ", "\n", "\xef\xbc\x81", "\xe2\x80\x94", "\x01", "-",
	};
	struct buf in = BUF_INIT, a = BUF_INIT, b = BUF_INIT;
	int round, pure;

	for (round = 0; round < 4000; round++) {
		struct wrap_opts o;
		struct wrap *fast, *slow;
		char err[160];
		size_t i, n = 1 + rnd(round % 2 ? 300 : 40);

		wrap_opts_init(&o);
		o.algorithm = rnd(3) ? WRAP_OPTIMAL : WRAP_GREEDY;
		o.width = 1 + (long)rnd(round % 3 ? 60 : 10);
		o.initial_indent = indents[rnd(5)];
		o.subsequent_indent = indents[rnd(5)];
		o.drop_whitespace = rnd(4) != 0;
		o.break_long_words = rnd(4) != 0;
		o.break_on_hyphens = rnd(4) != 0;
		o.fix_sentence_endings = rnd(4) == 0;
		o.count = rnd(4) ? WRAP_COLUMNS : WRAP_CODEPOINTS;
		o.linebreak = o.count == WRAP_COLUMNS && rnd(4) == 0 ? WRAP_LB_UAX14 : WRAP_LB_SIMPLE;
		buf_reset(&in);
		pure = rnd(2);
		for (i = 0; i < n; i++) {
			if (pure && rnd(8))	/* what tokenize_units takes, mostly */
				buf_adds(&in, simple[rnd(sizeof simple / sizeof simple[0])]);
			else if (rnd(2))
				buf_adds(&in, pieces[rnd(sizeof pieces / sizeof pieces[0])]);
			else
				buf_adds(&in, (const char *const[]){ "the", "of", "well-known",
					"end.", "a", "xy", "--", "quick" }[rnd(8)]);
			buf_adds(&in, seps[rnd(sizeof seps / sizeof seps[0])]);
		}
		fast = wrap_new(&o, err, sizeof err);
		o.exhaustive = 1;
		slow = wrap_new(&o, err, sizeof err);
		if (!fast || !slow) {	/* an indent wider than the width */
			wrap_free(fast);
			wrap_free(slow);
			continue;
		}
		buf_reset(&a);
		buf_reset(&b);
		CHECK_INT(wrap_fill(fast, in.p, in.len, &a), 0);
		CHECK_INT(wrap_fill(slow, in.p, in.len, &b), 0);
		if (a.len != b.len || memcmp(a.p, b.p, a.len))
			fprintf(stderr, "test_wrap: pruned optimal differs, width %ld on \"%s\":\n%s---\n%s",
				o.width, in.p, a.p, b.p);
		CHECK_MEM(a.p, a.len, b.p, b.len);
		wrap_free(fast);
		wrap_free(slow);
	}
	buf_free(&in);
	buf_free(&a);
	buf_free(&b);
}

/* Filling W's paragraph IN in two parts, cut at every offset, gives what filling it whole
 * gives. */
static void parts_are_whole(const struct wrap_opts *o, const char *in, size_t n)
{
	struct buf whole = BUF_INIT, munged = BUF_INIT, part = BUF_INIT;
	char err[160];
	struct wrap *w = wrap_new(o, err, sizeof err);
	size_t col = 0, cut, used;

	CHECK(w != NULL);
	if (!w)
		return;
	CHECK_INT(wrap_fill(w, in, n, &whole), 0);
	CHECK_INT(wrap_munge(w, in, n, &col, &munged), 0);
	for (cut = 0; cut <= munged.len; cut++) {
		if (cut < munged.len && ((unsigned char)munged.p[cut] & 0xC0) == 0x80)
			continue;
		wrap_part_reset(w);
		buf_reset(&part);
		CHECK_INT(wrap_fill_part(w, munged.p, 0, cut, 0, &used, &part), 0);
		CHECK(used <= cut);
		CHECK_INT(wrap_fill_part(w, munged.p, used, munged.len, 1, &used, &part), 0);
		if (part.len != whole.len || memcmp(part.p, whole.p, part.len))
			fprintf(stderr, "test_wrap: in parts cut at %zu differs:\n%s---\n%s", cut,
				part.p, whole.p);
		CHECK_MEM(part.p, part.len, whole.p, whole.len);
	}
	wrap_free(w);
	buf_free(&whole);
	buf_free(&munged);
	buf_free(&part);
}

/* Filling W's output again at the same width changes nothing. */
static void idempotent(const struct wrap_opts *o, const char *in, size_t n)
{
	struct buf one = BUF_INIT, two = BUF_INIT;
	char err[160];
	struct wrap *w = wrap_new(o, err, sizeof err);

	CHECK(w != NULL);
	if (!w)
		return;
	CHECK_INT(wrap_fill(w, in, n, &one), 0);
	CHECK_INT(wrap_fill(w, one.p, one.len - 1, &two), 0);
	CHECK_MEM(two.p, two.len, one.p, one.len);
	wrap_free(w);
	buf_free(&one);
	buf_free(&two);
}

/* Cases the fuzzer found (tests/fuzz/fuzz_wrap.c). */
static void test_regressions(void)
{
	/* A soft hyphen before a space is not where the line breaks: no room for "-" is
	 * needed and none is shown (nor at the paragraph's end). A long word cut just after
	 * one leaves it invisible; refilled, the line must still fit. */
	static const char shy_cut[] = "\x10\0\0\0\x10\0\0\0\0\x02))\0\0\0\0\0\xc2\xad\x1as\xc2\xad"
		"s\xc2\xad'A\xc2\xad.s\xc2\xad\0";
	/* An em-dash cut at the end of a part: its rest is dashes, not the start of a word. */
	static const char dash_cut[] = "\x19\"-\x01\0--!--------5\x01" "b\t\0Pa\0\0-----3-------------"
		"[-------------------4---------\"\x18\n\0@`\0\0-\x01" "9--3-------------[----------"
		"---------4---------\"\x18\n\0@`\n";
	struct wrap_opts o;
	struct wrap *w;
	char err[160];

	wrap_opts_init(&o);
	o.width = 4;
	w = wrap_new(&o, err, sizeof err);
	fill_is(w, "ab\xc2\xad cd", "ab\xc2\xad\ncd\n");
	fill_is(w, "abc\xc2\xad", "abc\xc2\xad\n");
	fill_is(w, "abc\xc2\xad" "de", "abc-\nde\n");
	wrap_free(w);
	o.linebreak = WRAP_LB_UAX14;
	idempotent(&o, shy_cut, sizeof shy_cut - 1);
	o.linebreak = WRAP_LB_SIMPLE;
	idempotent(&o, shy_cut, sizeof shy_cut - 1);

	wrap_opts_init(&o);
	o.width = 2;
	parts_are_whole(&o, dash_cut, sizeof dash_cut - 1);
	parts_are_whole(&o, "a! --------------------------word b-c-d e--f", 44);
	o.count = WRAP_CODEPOINTS;
	parts_are_whole(&o, "a! --------------------------word b-c-d e--f", 44);
	/* A part that starts with the rest of a cut word, then CJK text that tokenize_units
	 * takes up to a combining mark. */
	o.count = WRAP_COLUMNS;
	o.width = 3;
	{
		static const char cjk[] = "\xe6\xbc\xa2\xe5\xad\x97 na\xc3\xafveabcdefghij \xe6\xbc\xa2"
			"\xe5\xad\x97\xe6\xbc\xa2\xe5\xad\x97 e\xcc\x81 \xe6\xbc\xa2 x";

		parts_are_whole(&o, cjk, sizeof cjk - 1);
		o.width = 2;
		parts_are_whole(&o, cjk, sizeof cjk - 1);
	}

	/* optimal: spaces wider than a line are dropped at its end, never cut into it. */
	wrap_opts_init(&o);
	o.width = 4;
	o.subsequent_indent = "   ";
	o.algorithm = WRAP_OPTIMAL;
	w = wrap_new(&o, err, sizeof err);
	fill_is(w, "a j  d d z", "a j\n   d\n   d\n   z\n");
	fill_is(w, "      a", "a\n");
	wrap_free(w);
	o.exhaustive = 1;
	w = wrap_new(&o, err, sizeof err);
	fill_is(w, "a j  d d z", "a j\n   d\n   d\n   z\n");
	wrap_free(w);

	/* A long word cut of the two spaces after a sentence is a space each (it looped). */
	wrap_opts_init(&o);
	o.width = 1;
	o.count = WRAP_CODEPOINTS;
	o.initial_indent = o.subsequent_indent = "x";
	o.drop_whitespace = 0;
	o.fix_sentence_endings = 1;
	w = wrap_new(&o, err, sizeof err);
	fill_is(w, "d.\nw", "xd\nx.\nx \nx \nxw\nx\n");
	wrap_free(w);
	o.width = 2;
	w = wrap_new(&o, err, sizeof err);
	fill_is(w, "d.\nw x.\ny", "xd\nx.\nx \nx \nxw\nx \nxx\nx.\nx \nx \nxy\n");
	wrap_free(w);
}

int main(void)
{
	test_fill();
	test_dedent();
	test_properties();
	test_fast_paths();
	test_optimal();
	test_optimal_pruned();
	test_regressions();
	return unit_done("wrap");
}
