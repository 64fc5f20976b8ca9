/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef NUMASHIM_CLI_RECORD_H
#define NUMASHIM_CLI_RECORD_H

int numashim_record_main(int argc, char **argv);

#endif /* NUMASHIM_CLI_RECORD_H */
