/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The rules' tokens, and the parser's state that the grammar (parse.c)
 * moves through them with: words, numbers, "->", punctuation, and the
 * errors that point at a token.
 */
#ifndef NUMASHIM_RULES_LEXER_H
#define NUMASHIM_RULES_LEXER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rules.h"

enum token_kind {
	TOK_END,
	TOK_SEP,	/* ';' or a new line */
	TOK_WORD,
	TOK_NUM,	/* digits, maybe with a decimal point */
	TOK_ARROW,	/* -> */
	TOK_PUNCT,	/* one of : , = % + - @ * | */
};

struct token {
	enum token_kind kind;
	const char *start;
	size_t len;
};

struct parser {
	const char *text;
	const char *pos;
	struct token tok;
	struct numashim_rules_error *err;
	unsigned int conditions_seen;	/* bits of conditions[], this rule */
};

/* Say at what went wrong, as printf; returns -1. */
int parse_fail(struct parser *p, const char *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Past blanks and comments, to where a token or raw text starts. */
void lex_skip_blanks(struct parser *p);
/* Move to the next token. */
void lex_next(struct parser *p);
bool lex_is_punct(const struct parser *p, char c);
bool lex_is_word(const struct parser *p, const char *w);
/* The token at hand in words when it has no text of its own; or NULL. */
const char *lex_what(const struct parser *p);
/* -1, saying that thing was expected where the token at hand is. */
int lex_expected(struct parser *p, const char *thing);
/* Take the punctuation c, or say it was expected. */
int lex_expect_punct(struct parser *p, char c);
/* A whole number of at most max. */
int lex_number(struct parser *p, uint64_t max, uint64_t *out);

#endif /* NUMASHIM_RULES_LEXER_H */
