/* SPDX-License-Identifier: MIT */
/* store_sqlite_bulk: the rows of a bulk load (a first import into empty
 * tables) on their way into SQLite (storage layer). Workload rows and
 * employees wait in batches of SQ_BULK_ROWS and go in with one multi-row
 * INSERT per batch, in the order they came (their rowids stay what single
 * INSERTs would give). kinerja rows wait until the end of the load and go
 * in sorted by their key (nip, tahun): the table is WITHOUT ROWID, and rows
 * in key order append to its b-tree, where rows in file order would land
 * on random pages of a tree far larger than the page cache on a nation,
 * spilling it and slowing down with each million rows. The foreign key
 * check of each row then walks the employees' index in order too.
 *
 * Every read or write through sq_stmt() writes the waiting rows first, so
 * whatever runs in the transaction sees them; a rollback forgets them. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "mem.h"
#include "model.h"
#include "store.h"
#include "store_sqlite_int.h"

/* Columns per row of each kind, and its statements: SQ_BULK_ROWS rows at
 * once, or one row for the rest of a batch. */
static const int bulk_cols[STORE_BULK_N] = {9, 17, 3};
static const enum stmt_id bulk_many[STORE_BULK_N] = {
    S_BEBAN_BULK, S_PEGAWAI_BULK, S_KINERJA_BULK};
static const enum stmt_id bulk_one[STORE_BULK_N] = {S_BEBAN_ADD, S_PEGAWAI_PUT,
                                                    S_KINERJA_PUT};

void
sq_bind_vals(sqlite3_stmt *s, int base, const struct sq_val *v, int n)
{
    for (int i = 0; i < n; i++) {
        int at = base + i + 1;
        switch (v[i].kind) {
        case SQ_V_NULL:
            sqlite3_bind_null(s, at);
            break;
        case SQ_V_INT:
            sqlite3_bind_int64(s, at, v[i].i);
            break;
        case SQ_V_REAL:
            sqlite3_bind_double(s, at, v[i].r);
            break;
        case SQ_V_TEXT:
            sq_bind_text(s, at, v[i].s);
            break;
        case SQ_V_DATE:
            sq_bind_date(s, at, (int32_t)v[i].i);
            break;
        }
    }
}

/* Write the waiting rows of batch 'what' and empty it. */
static enum err
write_batch(struct store *st, enum store_bulk what)
{
    struct sq_batch *b = &st->batch[what];
    int n = bulk_cols[what];
    enum err rc = ERR_OK;
    /* The strings are in place now: point the values at them. */
    for (size_t i = 0; i < b->n_rows * (size_t)n; i++) {
        if (b->vals[i].kind == SQ_V_TEXT) {
            b->vals[i].s = b->text + b->vals[i].i;
        }
    }
    bool was = st->flushing;
    st->flushing = true;
    for (size_t done = 0; done < b->n_rows && rc == ERR_OK;) {
        bool many = b->n_rows - done >= SQ_BULK_ROWS;
        size_t rows = many ? SQ_BULK_ROWS : 1;
        sqlite3_stmt *s = NULL;
        rc = sq_stmt(st, many ? bulk_many[what] : bulk_one[what], &s);
        for (size_t r = 0; rc == ERR_OK && r < rows; r++) {
            sq_bind_vals(s, (int)r * n, b->vals + (done + r) * (size_t)n, n);
        }
        rc = rc == ERR_OK ? sq_step_reset(st, s) : rc;
        done += rows;
    }
    st->flushing = was;
    b->n_rows = 0;
    b->n_text = 0;
    return rc;
}

enum err
sq_bulk_add(struct store *st, enum store_bulk what, const struct sq_val *v)
{
    struct sq_batch *b = &st->batch[what];
    int n = bulk_cols[what];
    if (b->vals == NULL) {
        b->vals = xcalloc(SQ_BULK_ROWS * (size_t)n, sizeof(*b->vals));
    }
    struct sq_val *to = b->vals + b->n_rows * (size_t)n;
    for (int i = 0; i < n; i++) {
        to[i] = v[i];
        if (v[i].kind == SQ_V_TEXT && v[i].s == NULL) {
            to[i].kind = SQ_V_NULL;
        } else if (v[i].kind == SQ_V_TEXT) {
            /* An offset until write_batch(): 'text' may move as it grows. */
            size_t len = strlen(v[i].s) + 1;
            xgrow((void **)&b->text, &b->cap_text, b->n_text + len, 1);
            memcpy(b->text + b->n_text, v[i].s, len);
            to[i].i = (int64_t)b->n_text;
            to[i].s = NULL;
            b->n_text += len;
        }
    }
    return ++b->n_rows == SQ_BULK_ROWS ? write_batch(st, what) : ERR_OK;
}

enum err
sq_bulk_kinerja(struct store *st, uint64_t nip, int tahun, int predikat)
{
    xgrow((void **)&st->kin, &st->cap_kin, st->n_kin + 1, sizeof(*st->kin));
    st->kin[st->n_kin].nip = nip;
    st->kin[st->n_kin].tahun = tahun;
    st->kin[st->n_kin].predikat = predikat;
    st->n_kin++;
    return ERR_OK;
}

/* The key order of the kinerja table: NIPs of 18 digits sort as their
 * numbers do, then the year. */
static int
by_key(const void *a, const void *b)
{
    const struct sq_kinerja_row *x = a;
    const struct sq_kinerja_row *y = b;
    if (x->nip != y->nip) {
        return x->nip < y->nip ? -1 : 1;
    }
    return (x->tahun > y->tahun) - (x->tahun < y->tahun);
}

/* Write the held kinerja rows in key order. */
static enum err
write_kinerja(struct store *st)
{
    enum err rc = ERR_OK;
    qsort(st->kin, st->n_kin, sizeof(*st->kin), by_key);
    for (size_t i = 0; i < st->n_kin && rc == ERR_OK; i++) {
        char nip[24];
        const struct sq_kinerja_row *k = &st->kin[i];
        snprintf(nip, sizeof(nip), "%018llu", (unsigned long long)k->nip);
        struct sq_val v[3] = {
            {SQ_V_TEXT, 0, 0, nip},
            {SQ_V_INT, k->tahun, 0, NULL},
            {SQ_V_TEXT, 0, 0, model_enum_name(&model_predikat, k->predikat)}};
        rc = sq_bulk_add(st, STORE_BULK_KINERJA, v);
    }
    free(st->kin);
    st->kin = NULL;
    st->n_kin = 0;
    st->cap_kin = 0;
    return rc;
}

enum err
sq_bulk_flush(struct store *st)
{
    enum err rc = ERR_OK;
    if (st->n_kin > 0) {
        rc = write_kinerja(st);
    }
    for (int k = 0; k < STORE_BULK_N && rc == ERR_OK; k++) {
        if (st->batch[k].n_rows > 0) {
            rc = write_batch(st, (enum store_bulk)k);
        }
    }
    return rc;
}

void
sq_bulk_discard(struct store *st)
{
    for (int k = 0; k < STORE_BULK_N; k++) {
        free(st->batch[k].vals);
        free(st->batch[k].text);
        memset(&st->batch[k], 0, sizeof(st->batch[k]));
    }
    free(st->kin);
    st->kin = NULL;
    st->n_kin = 0;
    st->cap_kin = 0;
}
