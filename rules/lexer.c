// SPDX-License-Identifier: LGPL-2.1-or-later
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer.h"

int parse_fail(struct parser *p, const char *at, const char *fmt, ...)
{
	va_list ap;

	p->err->offset = at - p->text;
	va_start(ap, fmt);
	vsnprintf(p->err->msg, sizeof(p->err->msg), fmt, ap);
	va_end(ap);
	return -1;
}

void lex_skip_blanks(struct parser *p)
{
	for (;;) {
		while (*p->pos == ' ' || *p->pos == '\t' || *p->pos == '\r')
			p->pos++;
		if (*p->pos != '#')
			return;
		while (*p->pos && *p->pos != '\n')
			p->pos++;
	}
}

static bool word_char(char c, bool first)
{
	return isalpha((unsigned char) c) || c == '_' ||
	       (!first && (isdigit((unsigned char) c) || c == '-'));
}

void lex_next(struct parser *p)
{
	const char *s;

	lex_skip_blanks(p);
	s = p->pos;
	p->tok.start = s;
	if (!*s) {
		p->tok.kind = TOK_END;
	} else if (*s == ';' || *s == '\n') {
		p->tok.kind = TOK_SEP;
		s++;
	} else if (word_char(*s, true)) {
		p->tok.kind = TOK_WORD;
		while (word_char(*s, false))
			s++;
	} else if (isdigit((unsigned char) *s)) {
		p->tok.kind = TOK_NUM;
		while (isdigit((unsigned char) *s))
			s++;
		if (*s == '.' && isdigit((unsigned char) s[1]))
			for (s++; isdigit((unsigned char) *s); s++)
				;
	} else if (s[0] == '-' && s[1] == '>') {
		p->tok.kind = TOK_ARROW;
		s += 2;
	} else {
		p->tok.kind = TOK_PUNCT;
		s++;
	}
	p->tok.len = s - p->tok.start;
	p->pos = s;
}

bool lex_is_punct(const struct parser *p, char c)
{
	return p->tok.kind == TOK_PUNCT && *p->tok.start == c;
}

bool lex_is_word(const struct parser *p, const char *w)
{
	return p->tok.kind == TOK_WORD && p->tok.len == strlen(w) &&
	       !strncmp(p->tok.start, w, p->tok.len);
}

const char *lex_what(const struct parser *p)
{
	switch (p->tok.kind) {
	case TOK_END:
		return "the end of the rules";
	case TOK_SEP:
		return "the end of the rule";
	default:
		return NULL;
	}
}

int lex_expected(struct parser *p, const char *thing)
{
	const char *found = lex_what(p);

	if (found)
		return parse_fail(p, p->tok.start, "expected %s, found %s", thing, found);
	return parse_fail(p, p->tok.start, "expected %s, found \"%.*s\"", thing,
		    (int) p->tok.len, p->tok.start);
}

int lex_expect_punct(struct parser *p, char c)
{
	char thing[8];

	if (!lex_is_punct(p, c)) {
		snprintf(thing, sizeof(thing), "'%c'", c);
		return lex_expected(p, thing);
	}
	lex_next(p);
	return 0;
}

int lex_number(struct parser *p, uint64_t max, uint64_t *out)
{
	unsigned long long v;
	char *end;

	if (p->tok.kind != TOK_NUM || memchr(p->tok.start, '.', p->tok.len))
		return lex_expected(p, "a whole number");
	errno = 0;
	v = strtoull(p->tok.start, &end, 10);
	if (errno || v > max)
		return parse_fail(p, p->tok.start, "%.*s is out of range (0 to %llu)",
			    (int) p->tok.len, p->tok.start,
			    (unsigned long long) max);
	*out = v;
	lex_next(p);
	return 0;
}

