// SPDX-License-Identifier: LGPL-2.1-or-later
/* A program that never links libnuma: the shim must still see its calls. */
#include "pages.h"

int main(void)
{
	through_syscall();
	return 0;
}
