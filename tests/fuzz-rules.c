// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Fuzzing the rewrite rule parser. LLVMFuzzerTestOneInput() is the
 * libFuzzer entry point (make fuzz, with clang). Built without libFuzzer,
 * main() feeds it the seed rule sets given as files, then mutations of
 * them from a fixed seed, each under an alarm, so that make check also
 * catches a crash (with the sanitizers when the compiler has them) or a
 * hang.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1), explained[512];
	struct numashim_node_set possible = { { 1 } };
	struct numashim_rules rules;
	struct numashim_rules_error err;

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = 0;
	if (!numashim_rules_parse(text, &rules, &err)) {
		if (numashim_rules_check_nodes(&rules, &possible, &err))
			numashim_rules_explain(text, &err, "fuzz", explained,
					       sizeof(explained));
		numashim_rules_free(&rules);
	} else {
		if (err.offset > size)
			abort();
		numashim_rules_explain(text, &err, "fuzz", explained,
				       sizeof(explained));
	}
	free(text);
	return 0;
}

#ifndef NUMASHIM_LIBFUZZER

#include "splitmix.h"

#define MUTATIONS_PER_SEED 20000
#define SECONDS_PER_INPUT 2

/* Pieces of the grammar, so that mutations reach past the first token. */
static const char *const pieces[] = {
	"move_pages", "mbind", "migrate_pages", "*", ":", ",", ";", "\n",
	"node", "->", "-", "0", "1023", "1024", "flags", "+move", "-strict",
	"mode=", "bind", "|static_nodes", "dry-run", "fail=", "fail-pages=",
	"EBUSY", "@", "%", "100", "0.5", "caller=", "tid=", "seq=", "chance=",
	"seed=", "#", " ", "=", "99999999999999999999",
};

/* One change: a byte flipped, a piece inserted, or a cut. */
static size_t mutate(char *buf, size_t len, size_t room)
{
	size_t at = len ? rnd() % len : 0;
	const char *piece;
	size_t plen;

	switch (rnd() % 3) {
	case 0:
		if (len)
			buf[at] ^= 1 << (rnd() % 8);
		return len;
	case 1:
		piece = pieces[rnd() % (sizeof(pieces) / sizeof(pieces[0]))];
		plen = strlen(piece);
		if (len + plen > room)
			return len;
		memmove(buf + at + plen, buf + at, len - at);
		memcpy(buf + at, piece, plen);
		return len + plen;
	default:
		return at;
	}
}

static int fuzz_seed(const char *path)
{
	char seed[4096], buf[8192];
	size_t seed_len, len;
	FILE *f = fopen(path, "r");
	int i;

	if (!f) {
		perror(path);
		return -1;
	}
	seed_len = fread(seed, 1, sizeof(seed), f);
	fclose(f);
	LLVMFuzzerTestOneInput((const uint8_t *) seed, seed_len);
	memcpy(buf, seed, seed_len);
	len = seed_len;
	for (i = 0; i < MUTATIONS_PER_SEED; i++) {
		/* Start over now and then, or the input drifts to noise. */
		if (rnd() % 16 == 0) {
			memcpy(buf, seed, seed_len);
			len = seed_len;
		}
		len = mutate(buf, len, sizeof(buf));
		alarm(SECONDS_PER_INPUT);
		LLVMFuzzerTestOneInput((const uint8_t *) buf, len);
	}
	alarm(0);
	printf("%s: %d mutations parsed\n", path, MUTATIONS_PER_SEED);
	return 0;
}

int main(int argc, char **argv)
{
	int i, ret = 0;

	splitmix_state = 42;
	for (i = 1; i < argc; i++)
		ret |= fuzz_seed(argv[i]);
	return ret ? 1 : 0;
}

#endif /* NUMASHIM_LIBFUZZER */
