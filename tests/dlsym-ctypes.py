#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Placement calls made from Python with ctypes, written down for tracecheck.

syscall() of libc with SYS_move_pages, SYS_mbind and SYS_migrate_pages,
and libnuma's move_pages, mbind and migrate_pages, each found by ctypes
with dlsym() on the library's handle. Each call is written to
$NUMASHIM_EXPECT as expect.c writes a C program's (the call site, in
libffi, is checked to lie outside libc, libnuma, ld.so and the shim).
Exits 77 on an architecture whose system call numbers it does not know.
"""
import ctypes
import json
import mmap
import os
import platform
import sys
import threading

# <asm/unistd.h>: (move_pages, mbind, migrate_pages), getppid.
SYSCALLS = {"x86_64": ((279, 237, 256), 110),
            "aarch64": ((239, 235, 238), 173)}
MPOL_BIND = 2
MPOL_MF_MOVE = 1 << 1
NPAGES = 8
PAGE = mmap.PAGESIZE
OUTSIDE = ["libc.so", "libnuma.so", "libnumashim.so", "ld-linux"]


def expect(call, via, ret, **fields):
    err = ctypes.get_errno() if ret < 0 else 0
    line = {"call": call, "pid": os.getpid(),
            "tid": threading.get_native_id(), "func": "ctypes",
            "frame": 0, "via": via, "site_outside": OUTSIDE,
            "ret": ret, "err": err}
    line.update(fields)
    with open(os.environ["NUMASHIM_EXPECT"], "a") as f:
        f.write(json.dumps(line) + "\n")


def pages():
    mem = mmap.mmap(-1, NPAGES * PAGE)
    for i in range(NPAGES):
        mem[i * PAGE] = 1
    base = ctypes.addressof(ctypes.c_char.from_buffer(mem))
    return mem, base, (ctypes.c_void_p * NPAGES)(
        *[base + i * PAGE for i in range(NPAGES)])


def move_pages_fields(array, status):
    return {"target_pid": 0, "count": NPAGES, "page_size": PAGE, "flags": 0,
            "pages_ptr": ctypes.addressof(array), "nodes_ptr": 0,
            "status_ptr": ctypes.addressof(status),
            "pages_expected": NPAGES, "pages": list(array),
            "nodes_expected": 0, "nodes": [],
            "status_expected": NPAGES, "status": list(status)}


def calls(via, move_pages, mbind, migrate_pages):
    """The three calls, every pointer passed as an address."""
    mem, base, array = pages()
    status = (ctypes.c_int * NPAGES)()
    mask = ctypes.c_ulong(1)
    at = ctypes.addressof

    ctypes.set_errno(0)
    ret = move_pages(0, NPAGES, at(array), None, at(status), 0)
    expect("move_pages", via, ret, **move_pages_fields(array, status))
    ret = mbind(base, NPAGES * PAGE, MPOL_BIND, at(mask), 64, MPOL_MF_MOVE)
    expect("mbind", via, ret, addr=base, len=NPAGES * PAGE, page_size=PAGE,
           mode=MPOL_BIND, flags=MPOL_MF_MOVE, maxnode=64, nodemask=[0])
    ret = migrate_pages(0, 64, at(mask), at(mask))
    expect("migrate_pages", via, ret, target_pid=0, maxnode=64,
           old_nodes=[0], new_nodes=[0])
    mem.close()


def through_syscall(nrs, getppid_nr):
    syscall = ctypes.CDLL("libc.so.6", use_errno=True).syscall
    syscall.restype = ctypes.c_long

    def numbered(nr):
        # syscall() reads longs: every argument is given as one.
        return lambda *args: syscall(*[ctypes.c_long(a or 0)
                                       for a in (nr,) + args])
    calls("syscall", *[numbered(nr) for nr in nrs])
    # Any other number gets the kernel's answer, as through libc's.
    if numbered(getppid_nr)() != os.getppid():
        sys.exit("syscall(SYS_getppid) is not getppid()")


def through_libnuma():
    numa = ctypes.CDLL("libnuma.so.1", use_errno=True)
    u, p = ctypes.c_ulong, ctypes.c_void_p
    types = {"move_pages": [ctypes.c_int, u, p, p, p, ctypes.c_int],
             "mbind": [p, u, ctypes.c_int, p, u, ctypes.c_uint],
             "migrate_pages": [ctypes.c_int, u, p, p]}
    for name, argtypes in types.items():
        getattr(numa, name).restype = ctypes.c_long
        getattr(numa, name).argtypes = argtypes
    calls("function", numa.move_pages, numa.mbind, numa.migrate_pages)


def main():
    nrs = SYSCALLS.get(platform.machine())
    if not nrs:
        return 77
    through_syscall(*nrs)
    through_libnuma()
    return 0


if __name__ == "__main__":
    sys.exit(main())
