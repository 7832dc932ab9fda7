/* SPDX-License-Identifier: MIT */
/* tree: unit tree with roots and OPD groups (core layer). Groups are
 * resolved iteratively from each unit upward, memoised, so a deep chain
 * costs linear time and no recursion. */
#include "tree.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "map.h"
#include "mem.h"
#include "model.h"

struct node {
    struct unit u; /* Strings owned. */
    long parent;   /* Index or -1. */
    long root;     /* Index, -1 until resolved. */
    long opd;      /* Index, -1 until resolved. */
};

struct tree {
    struct node *nodes;
    size_t n_nodes;
    size_t cap;
    struct map index; /* Code -> index + 1. */
};

struct tree *
tree_create(void)
{
    struct tree *t = xcalloc(1, sizeof(*t));
    map_init(&t->index);
    return t;
}

static char *
dup_or_null(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

void
tree_destroy(struct tree *t)
{
    if (t == NULL) {
        return;
    }
    for (size_t i = 0; i < t->n_nodes; i++) {
        struct unit *u = &t->nodes[i].u;
        free((void *)(uintptr_t)u->kode);
        free((void *)(uintptr_t)u->nama);
        free((void *)(uintptr_t)u->induk);
        free((void *)(uintptr_t)u->kecamatan);
    }
    free(t->nodes);
    map_cleanup(&t->index);
    free(t);
}

void
tree_add(struct tree *t, const struct unit *u)
{
    xgrow((void **)&t->nodes, &t->cap, t->n_nodes + 1, sizeof(*t->nodes));
    struct node *n = &t->nodes[t->n_nodes];
    n->u = *u;
    n->u.kode = xstrdup(u->kode);
    n->u.nama = xstrdup(u->nama);
    n->u.induk = dup_or_null(u->induk);
    n->u.kecamatan = dup_or_null(u->kecamatan);
    n->parent = -1;
    n->root = -1;
    n->opd = -1;
    t->n_nodes++;
    map_put(&t->index, n->u.kode, (void *)(uintptr_t)t->n_nodes);
}

long
tree_find(const struct tree *t, const char *kode)
{
    void *v = NULL;
    return map_find(&t->index, kode, &v) ? (long)(uintptr_t)v - 1 : -1;
}

static bool
is_group(enum unit_jenis j)
{
    return j == UNIT_OPD || j == UNIT_KECAMATAN || j == UNIT_RSUD;
}

/* Resolve root and group of 'i' by walking up to the first resolved
 * ancestor, then filling the walked path downward. */
static enum err
resolve(struct tree *t, size_t i, long *path)
{
    size_t n = 0;
    long c = (long)i;
    while (c >= 0 && t->nodes[c].root < 0) {
        if (n == t->n_nodes) {
            return ERR_INVAL; /* Longer than the tree: a cycle. */
        }
        path[n++] = c;
        c = t->nodes[c].parent;
    }
    while (n > 0) {
        struct node *x = &t->nodes[path[--n]];
        struct node *p = x->parent >= 0 ? &t->nodes[x->parent] : NULL;
        x->root = p ? p->root : path[n];
        /* A unit with no group on its path has its root's own index as
         * group, since the root then groups itself. */
        x->opd = is_group(x->u.jenis) || p == NULL ? path[n] : p->opd;
    }
    return ERR_OK;
}

enum err
tree_finish(struct tree *t)
{
    enum err rc = ERR_OK;
    long *path = xcalloc(t->n_nodes + 1, sizeof(long));
    for (size_t i = 0; i < t->n_nodes && rc == ERR_OK; i++) {
        const char *induk = t->nodes[i].u.induk;
        t->nodes[i].parent = induk ? tree_find(t, induk) : -1;
        if (induk != NULL && t->nodes[i].parent < 0) {
            rc = ERR_INVAL;
        }
    }
    for (size_t i = 0; i < t->n_nodes && rc == ERR_OK; i++) {
        rc = resolve(t, i, path);
    }
    free(path);
    return rc;
}

size_t
tree_count(const struct tree *t)
{
    return t->n_nodes;
}

const struct unit *
tree_unit(const struct tree *t, size_t i)
{
    return &t->nodes[i].u;
}

long
tree_parent(const struct tree *t, size_t i)
{
    return t->nodes[i].parent;
}

size_t
tree_root(const struct tree *t, size_t i)
{
    return (size_t)t->nodes[i].root;
}

size_t
tree_opd(const struct tree *t, size_t i)
{
    return (size_t)t->nodes[i].opd;
}

struct code_ix {
    const char *kode;
    size_t ix;
};

static int
by_code(const void *x, const void *y)
{
    return strcmp(((const struct code_ix *)x)->kode,
                  ((const struct code_ix *)y)->kode);
}

void
tree_order_by_code(const struct tree *t, size_t *out)
{
    struct code_ix *k = xcalloc(t->n_nodes + 1, sizeof(*k));
    for (size_t i = 0; i < t->n_nodes; i++) {
        k[i].kode = t->nodes[i].u.kode;
        k[i].ix = i;
    }
    qsort(k, t->n_nodes, sizeof(*k), by_code);
    for (size_t i = 0; i < t->n_nodes; i++) {
        out[i] = k[i].ix;
    }
    free(k);
}
