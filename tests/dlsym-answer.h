/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef NUMASHIM_TEST_DLSYM_ANSWER_H
#define NUMASHIM_TEST_DLSYM_ANSWER_H

#include <stddef.h>

/*
 * What a lookup answered, in words that do not depend on where things
 * were mapped: "LIBRARY SYMBOL+OFFSET" for what dladdr() names, or NULL
 * and dlerror()'s text. Written into buf, which is returned.
 */
const char *dlsym_answer(void *found, char *buf, size_t size);

/*
 * libdlnext's answers to its own lookups, made from its constructor;
 * the program finds it with dlsym(RTLD_DEFAULT).
 */
const char *dlnext_answers(void);

#endif /* NUMASHIM_TEST_DLSYM_ANSWER_H */
