// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The process's page size, which move_pages_entry carries so that a
 * reader can tell the bytes behind the pages. Asked once: calls can come
 * before the library's constructor ran, and every later call reads the
 * saved value. Two threads asking at once both store the same answer.
 */
#include <unistd.h>

#include "numashim-payload.h"

uint32_t numashim_page_size(void)
{
	static uint32_t size;
	uint32_t s = __atomic_load_n(&size, __ATOMIC_RELAXED);

	if (!s) {
		s = sysconf(_SC_PAGESIZE);
		__atomic_store_n(&size, s, __ATOMIC_RELAXED);
	}
	return s;
}
