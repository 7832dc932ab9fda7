/* SPDX-License-Identifier: MIT */
/* tree: the unit tree of one or more governments in memory (core layer):
 * parents, roots, and each unit's OPD group (contract section 4: the
 * nearest unit on the path to the root, itself included, whose jenis is
 * opd, kecamatan or rsud; else the root). No I/O. */
#ifndef MUTASI_TREE_H
#define MUTASI_TREE_H

#include <stddef.h>

#include "err.h"

struct tree;
struct unit;

/* A new empty tree; free it with tree_destroy(). */
struct tree *tree_create(void);
/* Free 't'; accepts NULL. */
void tree_destroy(struct tree *t);
/* Add a copy of unit 'u' (its strings are copied). */
void tree_add(struct tree *t, const struct unit *u);
/* Link parents and find roots and groups once all units are added.
 * ERR_INVAL when a parent is unknown or the parents form a cycle (the
 * importer prevents both). */
MUST_USE enum err tree_finish(struct tree *t);
/* Number of units. */
size_t tree_count(const struct tree *t);
/* The unit at index 'i' (0 <= i < tree_count), borrowed from 't'. */
const struct unit *tree_unit(const struct tree *t, size_t i);
/* Index of unit 'kode', or -1 when absent. */
long tree_find(const struct tree *t, const char *kode);
/* Fill 'out' (tree_count() entries) with the unit indices in code order. */
void tree_order_by_code(const struct tree *t, size_t *out);
/* Index of the parent of unit 'i', or -1 at a root. */
long tree_parent(const struct tree *t, size_t i);
/* Index of the root (government) of unit 'i'. */
size_t tree_root(const struct tree *t, size_t i);
/* Index of the OPD group of unit 'i'. */
size_t tree_opd(const struct tree *t, size_t i);

#endif
