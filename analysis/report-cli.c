// SPDX-License-Identifier: LGPL-2.1-or-later
/* `numashim report` on its own, for the tests. */
#include "report.h"

int main(int argc, char **argv)
{
	return numashim_report_main(argc, argv);
}
