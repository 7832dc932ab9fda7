/* SPDX-License-Identifier: MIT */
/* module: the loader of mutasi's modules (base layer); see module.h. */
#include "module.h"

#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"

/* Serialises the first module_get() of each slot. */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/* The directory of the running program into 'out' ("" when unknown). */
static void
program_dir(char *out, size_t len)
{
    char path[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", path, sizeof(path) - 1);
    out[0] = '\0';
    if (n <= 0) {
        return;
    }
    path[n] = '\0';
    char *slash = strrchr(path, '/');
    if (slash != NULL) {
        *slash = '\0';
        snprintf(out, len, "%s", path);
    }
}

/* dlopen() 'name'.so from $MUTASI_MODULES when set, else from the first
 * place that has it; its path goes to 'path' (when no place has it, the
 * first one, which the error then names). */
static void *
open_file(const char *name, char *path, size_t len)
{
    const char *env = getenv("MUTASI_MODULES");
    if (env != NULL && env[0] != '\0') {
        snprintf(path, len, "%s/%s.so", env, name);
        return dlopen(path, RTLD_NOW | RTLD_LOCAL);
    }
    char dir[PATH_MAX];
    program_dir(dir, sizeof(dir));
    /* Beside the program (the build tree), then ../lib (installed). */
    static const char *const places[] = {"", "/.."};
    size_t pick = 0;
    for (size_t i = 0; i < sizeof(places) / sizeof(places[0]); i++) {
        snprintf(path, len, "%s%s/lib/mutasi/%s.so", dir, places[i], name);
        if (access(path, F_OK) == 0) {
            pick = i;
            break;
        }
    }
    snprintf(path, len, "%s%s/lib/mutasi/%s.so", dir, places[pick], name);
    return dlopen(path, RTLD_NOW | RTLD_LOCAL);
}

const void *
module_open(const char *name, size_t size)
{
    char path[PATH_MAX + 64];
    void *h = open_file(name, path, sizeof(path));
    if (h == NULL) {
        const char *why = dlerror();
        fprintf(stderr,
                L_("mutasi: modul %s tidak dapat dibuka (%s); bangun ulang "
                   "mutasi ('make') atau pasang ulang ('make install')\n",
                   "mutasi: cannot open the %s module (%s); build mutasi "
                   "again ('make') or install it again ('make install')\n"),
                name, why != NULL ? why : path);
        return NULL;
    }
    char symbol[64];
    snprintf(symbol, sizeof(symbol), "mutasi_module_%s", name);
    const struct module_head *head = dlsym(h, symbol);
    if (head == NULL || head->abi != MODULE_ABI || head->size != size) {
        fprintf(stderr,
                L_("mutasi: %s bukan modul %s dari versi mutasi ini; bangun "
                   "ulang mutasi ('make') atau pasang ulang ('make install')\n",
                   "mutasi: %s is not the %s module of this build of mutasi; "
                   "build mutasi again ('make') or install it again ('make "
                   "install')\n"),
                path, name);
        return NULL; /* Left open: closing a library can undo less than
                      * its opening did (its constructors' allocations). */
    }
    return head;
}

const void *
module_get(struct module_slot *slot)
{
    if (atomic_load_explicit(&slot->opened, memory_order_acquire) == 0) {
        pthread_mutex_lock(&lock);
        if (atomic_load_explicit(&slot->opened, memory_order_relaxed) == 0) {
            slot->table = module_open(slot->name, slot->size);
            atomic_store_explicit(&slot->opened, 1, memory_order_release);
        }
        pthread_mutex_unlock(&lock);
    }
    return slot->table;
}
