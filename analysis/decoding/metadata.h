/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * A look at a trace's metadata file before babeltrace2 reads it.
 * libbabeltrace2 2.0's src.ctf.fs reads a packetized metadata file for as
 * long as a packet's content size says, without end when the file stops
 * before it: a metadata file cut short hangs it at full CPU.
 */
#ifndef NUMASHIM_METADATA_H
#define NUMASHIM_METADATA_H

/*
 * 0 when every packet of the metadata file of the trace folder dir lies
 * whole in the file (or the metadata is plain text); -1 with the problem,
 * naming the file and the byte where it is, appended to the current
 * thread's babeltrace2 error.
 */
int metadata_check(const char *dir);

#endif /* NUMASHIM_METADATA_H */
