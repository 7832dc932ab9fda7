/* SPDX-License-Identifier: MIT */
/* module: the parts of mutasi that need a large library are shared objects
 * the program opens on first use (base layer); it knows nothing of what they
 * do.
 *
 * Design note. Linked whole, mutasi maps 74 shared libraries at every start
 * (libpq with Kerberos and LDAP, libcurl with its TLS and protocols, pango
 * and cairo with fontconfig and X11, libmicrohttpd with GnuTLS): 20-30 ms
 * before main() on a small virtual machine, more than solving a city's
 * transfer network. So five parts are built as modules, each linked
 * against its library and loaded by dlopen(3) when a command first calls
 * it:
 *
 *   pg    store_pg*.c    libpq          a PostgreSQL database
 *   pdf   pdf.c          pango, cairo   the decree (SK) and minutes PDFs
 *   http  siasn_http.c   libcurl        the SIASN API
 *   web   web*.c         libmicrohttpd  'mutasi serve'
 *   xlsx  xlsx.c         libxlsxwriter  XLSX exports
 *
 * The rest of the program calls the part's usual functions (pdf_create(),
 * store_pg_open() ...); in the program these are forwarders (<part>_load.c)
 * that call through the one table the module exports, an object named
 * "mutasi_module_<name>" whose first member is a struct module_head. The
 * module's own functions are hidden (-fvisibility=hidden): only the table is
 * seen, and what the module needs of the program (buf, mem, json ...) comes
 * from the program, which exports its symbols (-rdynamic), so there is one
 * copy of each. The test programs link the parts' objects directly, without
 * the forwarders or this loader.
 *
 * Where: $MUTASI_MODULES when set, else lib/mutasi beside the program
 * (build/lib/mutasi for build/mutasi), else ../lib/mutasi from it (an
 * installed /usr/local/bin/mutasi reads /usr/local/lib/mutasi). A module
 * built from other sources is refused by its head (ABI number and table
 * size) rather than called wrongly. A module is opened once per process
 * (each forwarder file has one struct module_slot) and never closed. */
#ifndef MUTASI_MODULE_H
#define MUTASI_MODULE_H

#include <stdatomic.h>
#include <stddef.h>

/* Raise when the meaning of a table changes without its size changing. */
#define MODULE_ABI 1

/* The first member of every module's table. */
struct module_head {
    int abi;     /* MODULE_ABI of the module's build. */
    size_t size; /* sizeof the whole table. */
};

/* The head of a table of type 'type'. */
#define MODULE_HEAD(type)        \
    {                            \
        MODULE_ABI, sizeof(type) \
    }
/* Marks the table, the one symbol a module shows. */
#define MODULE_EXPORT __attribute__((visibility("default")))

/* Open module 'name' ("pg", "pdf" ...) and return its table of 'size'
 * bytes, which lives as long as the process. NULL when the module cannot be
 * found, opened or trusted, after a message on standard error that says
 * which file and why. module_get() calls it once per slot. */
const void *module_open(const char *name, size_t size);

/* A forwarder's handle on its module: opened on the first module_get(),
 * then kept (a failure too, so its message is said once). */
struct module_slot {
    const char *name;
    size_t size;
    atomic_int opened; /* 1 once 'table' is final. */
    const void *table; /* NULL when the module could not be opened. */
};

/* A slot for module 'name' whose table has type 'type'. */
#define MODULE_SLOT(name, type)       \
    {                                 \
        (name), sizeof(type), 0, NULL \
    }

/* The table of 'slot''s module, opening it on the first call; NULL when it
 * cannot be opened (module_open()). Thread-safe; after the first call, one
 * atomic load. */
const void *module_get(struct module_slot *slot);

#endif
