/* SPDX-License-Identifier: MIT */
/* planning_saved: a stored plan as typed moves (service layer): load it,
 * save a plan that keeps the agreed moves, fix them in a new run, and
 * apply the decided moves to an analysis. */
#include "planning.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "buf.h"
#include "date.h"
#include "json.h"
#include "map.h"
#include "mem.h"
#include "model.h"
#include "planning_int.h"
#include "store.h"
#include "tree.h"

/* The stored rows of the moves of 'r'; texts[k] owns move k's sentence. */
static struct store_plan_move *
move_rows(const struct planning *pl, const struct plan_result *r, char **texts,
          char (*days)[DATE_STR_LEN])
{
    const struct plan_problem *p = &pl->prob;
    struct store_plan_move *rows = xcalloc(r->n_moves + 1, sizeof(*rows));
    for (size_t k = 0; k < r->n_moves; k++) {
        const struct plan_move *m = &r->moves[k];
        const struct plan_pair *a = &p->pairs[m->from_pair];
        const struct plan_pair *b = &p->pairs[m->to_pair];
        struct buf t;
        buf_init(&t, 0);
        if (plan_move_text(p, r, m, &t) != ERR_OK) {
            buf_reset(&t);
        }
        texts[k] = buf_take(&t);
        if (m->sementara_sampai != DATE_NONE) {
            date_format(m->sementara_sampai, days[k]);
        }
        rows[k] = (struct store_plan_move){
            p->staff[m->staff].nip,
            p->jabs[a->jab].kode,
            p->jabs[b->jab].kode,
            p->units[a->unit].kode,
            p->units[b->unit].kode,
            m->aps ? "aps" : "penugasan",
            m->aps ? m->pilihan_ke : 0,
            m->km_centi,
            m->sementara_sampai != DATE_NONE ? days[k] : NULL,
            texts[k],
            NULL,
            NULL,
            NULL,
            NULL,
            NULL,
            NULL,
            NULL};
    }
    return rows;
}

/* Save plan 'q->name' with document 'doc' and the move rows 'rows' in one
 * transaction, with an audit entry by 'actor'. */
static enum err
save_rows(struct store *st, const struct planning *pl,
          const struct planning_request *q, const struct json_obj *doc,
          const char *actor, const struct store_plan_move *rows, size_t n,
          bool own_tx)
{
    struct buf hasil;
    struct buf settings;
    buf_init(&hasil, 0);
    buf_init(&settings, 0);
    struct json_obj *set = json_obj_get_obj(doc, "plan.settings");
    enum err rc = json_obj_format(doc, &hasil);
    rc = rc == ERR_OK && set ? json_obj_format(set, &settings) : rc;
    json_obj_destroy(set);
    char as_of[DATE_STR_LEN];
    date_format(pl->prob.day, as_of);
    struct store_plan sp = {q->name,
                            planning_mode_words[q->opts.mode],
                            as_of,
                            buf_str(&settings),
                            buf_str(&hasil),
                            NULL,
                            NULL,
                            actor,
                            NULL,
                            NULL,
                            NULL,
                            rows,
                            n,
                            NULL,
                            NULL,
                            NULL,
                            NULL};
    char after[256];
    snprintf(after, sizeof(after),
             "{\"mode\":\"%s\",\"as_of\":\"%s\",\"moves\":%zu}",
             planning_mode_words[q->opts.mode], as_of, n);
    struct store_audit au = {actor, "plan", q->name, "simpan", NULL, after};
    if (!own_tx) {
        rc = rc == ERR_OK ? store_plan_add(st, &sp) : rc;
        rc = rc == ERR_OK ? store_audit_add(st, &au) : rc;
    } else if (rc == ERR_OK && (rc = store_begin(st)) == ERR_OK) {
        rc = store_plan_add(st, &sp);
        rc = rc == ERR_OK ? store_audit_add(st, &au) : rc;
        rc = rc == ERR_OK ? store_commit(st) : rc;
        if (rc != ERR_OK) {
            store_rollback(st);
        }
    }
    buf_cleanup(&hasil);
    buf_cleanup(&settings);
    return rc;
}

/* The rows of the moves of 'from' the TPK agreed, kept as agreed. */
static size_t
fixed_rows(const struct saved_plan *from, struct store_plan_move *rows)
{
    size_t n = 0;
    for (size_t i = 0; from != NULL && i < from->n_moves; i++) {
        const struct saved_move *m = &from->moves[i];
        if (strcmp(m->keputusan_tpk, "setuju") != 0) {
            continue;
        }
        rows[n++] = (struct store_plan_move){
            m->nip,
            m->jabatan_asal,
            m->jabatan_tujuan,
            m->unit_asal,
            m->unit_tujuan,
            m->aps ? "aps" : "penugasan",
            m->pilihan_ke,
            m->km_centi,
            m->sementara_sampai[0] ? m->sementara_sampai : NULL,
            m->penjelasan ? m->penjelasan : "",
            NULL,
            NULL,
            "setuju",
            NULL,
            NULL,
            NULL,
            NULL};
    }
    return n;
}

enum err
planning_save_fixed(struct store *st, const struct planning *pl,
                    const struct planning_request *q,
                    const struct plan_result *r, const struct json_obj *doc,
                    const char *actor, const struct saved_plan *from)
{
    char **texts = xcalloc(r->n_moves + 1, sizeof(char *));
    char(*days)[DATE_STR_LEN] = xcalloc(r->n_moves + 1, sizeof(*days));
    struct store_plan_move *made = move_rows(pl, r, texts, days);
    size_t n_from = from != NULL ? from->n_moves : 0;
    struct store_plan_move *rows =
        xcalloc(n_from + r->n_moves + 1, sizeof(*rows));
    size_t n = fixed_rows(from, rows);
    memcpy(rows + n, made, r->n_moves * sizeof(*rows));
    enum err rc =
        save_rows(st, pl, q, doc, actor, rows, n + r->n_moves, from == NULL);
    for (size_t k = 0; k < r->n_moves; k++) {
        free(texts[k]);
    }
    free(texts);
    free(days);
    free(made);
    free(rows);
    return rc;
}

enum err
planning_fix(struct planning *pl, const struct saved_plan *from)
{
    const struct tree *t = analysis_tree(pl->a);
    for (size_t i = 0; i < from->n_moves; i++) {
        const struct saved_move *m = &from->moves[i];
        bool agreed = strcmp(m->keputusan_tpk, "setuju") == 0;
        long s = planning_find_staff(pl, m->nip);
        if (s < 0 || (!agreed && strcmp(m->keputusan_tpk, "tolak") != 0)) {
            continue; /* Undecided moves are planned again. */
        }
        /* Neither an agreed nor a refused employee moves again here. */
        pl->staff[s].current = false;
        long u = tree_find(t, m->unit_tujuan);
        void *j = NULL;
        bool known = map_find(&pl->jab_ix, m->jabatan_tujuan, &j);
        long to = u >= 0 && known ? plan_find_pair(&pl->prob, (size_t)u,
                                                   (size_t)(uintptr_t)j - 1)
                                  : -1;
        if (agreed && to >= 0) {
            pl->pairs[pl->staff[s].pair].h--;
            pl->pairs[to].h++;
        }
    }
    return ERR_OK;
}

static char *
dup_or_null(const char *s)
{
    return s != NULL && s[0] != '\0' ? xstrdup(s) : NULL;
}

static void
copy_word(char *out, size_t len, const char *s)
{
    snprintf(out, len, "%s", s != NULL ? s : "");
}

static enum err
saved_move_row(void *ctx, const struct store_plan_move *m)
{
    struct saved_plan *sp = ctx;
    if (sp->n_moves == sp->cap) {
        sp->cap = sp->cap ? 2 * sp->cap : 16;
        sp->moves = xrealloc(sp->moves, sp->cap * sizeof(*sp->moves));
    }
    struct saved_move *x = &sp->moves[sp->n_moves++];
    memset(x, 0, sizeof(*x));
    copy_word(x->nip, sizeof(x->nip), m->nip);
    copy_word(x->unit_asal, sizeof(x->unit_asal), m->unit_asal);
    copy_word(x->unit_tujuan, sizeof(x->unit_tujuan), m->unit_tujuan);
    copy_word(x->jabatan_asal, sizeof(x->jabatan_asal), m->jabatan_asal);
    copy_word(x->jabatan_tujuan, sizeof(x->jabatan_tujuan), m->jabatan_tujuan);
    x->aps = m->jenis != NULL && strcmp(m->jenis, "aps") == 0;
    x->pilihan_ke = m->pilihan_ke;
    x->km_centi = m->km_centi;
    copy_word(x->sementara_sampai, sizeof(x->sementara_sampai),
              m->sementara_sampai);
    copy_word(x->tanggapan, sizeof(x->tanggapan), m->tanggapan);
    copy_word(x->keputusan_tpk, sizeof(x->keputusan_tpk), m->keputusan_tpk);
    copy_word(x->keputusan_ppk, sizeof(x->keputusan_ppk), m->keputusan_ppk);
    x->penjelasan = dup_or_null(m->penjelasan);
    x->catatan_tanggapan = dup_or_null(m->catatan_tanggapan);
    x->catatan_tpk = dup_or_null(m->catatan_tpk);
    x->jawaban_tpk = dup_or_null(m->jawaban_tpk);
    x->alasan_ppk = dup_or_null(m->alasan_ppk);
    return ERR_OK;
}

enum err
planning_saved_load(struct store *st, const char *name, struct saved_plan *out)
{
    memset(out, 0, sizeof(*out));
    enum err rc = store_plan_get(st, name, &out->plan);
    rc = rc == ERR_OK ? store_plan_moves_each(st, name, saved_move_row, out)
                      : rc;
    if (rc == ERR_OK && json_obj_parse(out->plan.hasil ? out->plan.hasil : "",
                                       &out->doc) != ERR_OK) {
        rc = ERR_INTERNAL;
    }
    /* The names are in the document, in the same order as the rows. */
    size_t n = rc == ERR_OK ? json_obj_len(out->doc, "moves") : 0;
    for (size_t i = 0; i < n && i < out->n_moves; i++) {
        struct json_obj *m = json_obj_item(out->doc, "moves", i);
        char nip[32] = "";
        json_obj_text(m, "nip", nip, sizeof(nip));
        if (strcmp(nip, out->moves[i].nip) == 0) {
            json_obj_text(m, "nama", out->moves[i].nama,
                          sizeof(out->moves[i].nama));
        }
        json_obj_destroy(m);
    }
    if (rc != ERR_OK) {
        planning_saved_cleanup(out);
    }
    return rc;
}

void
planning_saved_cleanup(struct saved_plan *sp)
{
    if (sp == NULL) {
        return;
    }
    for (size_t i = 0; i < sp->n_moves; i++) {
        struct saved_move *m = &sp->moves[i];
        free(m->penjelasan);
        free(m->catatan_tanggapan);
        free(m->catatan_tpk);
        free(m->jawaban_tpk);
        free(m->alasan_ppk);
    }
    free(sp->moves);
    json_obj_destroy(sp->doc);
    store_plan_cleanup(&sp->plan);
    memset(sp, 0, sizeof(*sp));
}

enum err
planning_apply(struct store *st, struct analysis *a,
               const struct saved_plan *sp, long *n_applied,
               struct buf *skipped)
{
    bool decided = false;
    for (size_t i = 0; i < sp->n_moves; i++) {
        decided = decided || sp->moves[i].keputusan_ppk[0] != '\0';
    }
    enum err rc = ERR_OK;
    for (size_t i = 0; i < sp->n_moves && rc == ERR_OK; i++) {
        const struct saved_move *m = &sp->moves[i];
        struct pegawai p;
        if (decided && strcmp(m->keputusan_ppk, "setuju") != 0) {
            continue;
        }
        rc = store_pegawai_get(st, m->nip, &p);
        struct analysis_move mv = {
            m->nip,         m->unit_asal,      m->jabatan_asal,
            m->unit_tujuan, m->jabatan_tujuan, 0};
        mv.status = rc == ERR_OK ? (int)p.status : 0;
        rc = rc == ERR_OK ? analysis_move_staff(a, &mv) : rc;
        if (rc == ERR_NOTFOUND) {
            rc = buf_addf(skipped, "%s%s", skipped->len ? ";" : "", m->nip);
            continue;
        }
        *n_applied += rc == ERR_OK;
    }
    return rc;
}

const struct saved_move *
planning_saved_move(const struct saved_plan *sp, const char *nip)
{
    for (size_t i = 0; i < sp->n_moves; i++) {
        if (strcmp(sp->moves[i].nip, nip) == 0) {
            return &sp->moves[i];
        }
    }
    return NULL;
}
