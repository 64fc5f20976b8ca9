// SPDX-License-Identifier: LGPL-2.1-or-later
#include "numashim-calls.h"

#define CALL_ROW(name, TAG, flags, arrays) { #name, flags, arrays },

const struct numashim_call_info numashim_calls[NUMASHIM_CALL_COUNT] = {
	NUMASHIM_CALLS(CALL_ROW)
};
