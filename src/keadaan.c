/* SPDX-License-Identifier: MIT */
/* keadaan: staff who are not in post (services). */
#include "keadaan.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "json.h"
#include "map.h"
#include "mem.h"
#include "rules.h"
#include "settings.h"
#include "settings_store.h"
#include "store.h"
#include "tree.h"

struct keadaan {
    int32_t day;
    struct settings s;
    struct map bup;    /* jabatan code -> BUP + 0 (as a pointer). */
    struct tree *tree; /* The units, for "is this unit under that one". */
};

static enum err
add_jabatan(void *ctx, const struct jabatan *j)
{
    struct keadaan *k = ctx;
    map_put(&k->bup, j->kode, (void *)(uintptr_t)rules_bup(&k->s, j));
    return ERR_OK;
}

static enum err
add_unit(void *ctx, const struct unit *u)
{
    struct keadaan *k = ctx;
    tree_add(k->tree, u);
    return ERR_OK;
}

enum err
keadaan_load(struct store *st, int32_t day, struct keadaan **out)
{
    struct keadaan *k = xcalloc(1, sizeof(*k));
    k->day = day;
    map_init(&k->bup);
    k->tree = tree_create();
    enum err rc = settings_store_load(st, &k->s);
    rc = rc == ERR_OK ? store_jabatan_each(st, add_jabatan, k) : rc;
    rc = rc == ERR_OK ? store_unit_each(st, add_unit, k) : rc;
    rc = rc == ERR_OK ? tree_finish(k->tree) : rc;
    if (rc != ERR_OK) {
        keadaan_destroy(k);
        return rc;
    }
    *out = k;
    return ERR_OK;
}

void
keadaan_destroy(struct keadaan *k)
{
    if (k == NULL) {
        return;
    }
    tree_destroy(k->tree);
    map_cleanup(&k->bup);
    free(k);
}

int32_t
keadaan_tmt_pensiun(const struct keadaan *k, int32_t lahir, const char *jabatan)
{
    void *v = NULL;
    int bup = jabatan && map_find(&k->bup, jabatan, &v) ? (int)(uintptr_t)v
                                                        : k->s.bup_umum;
    return rules_tmt_pensiun(lahir, bup);
}

unsigned
keadaan_of(const struct keadaan *k, const struct pegawai *p)
{
    unsigned m = 0;
    if (keadaan_tmt_pensiun(k, p->tanggal_lahir, p->jabatan) <= k->day) {
        m |= KEADAAN_PENSIUN;
    }
    if (p->tugas_belajar) {
        m |= KEADAAN_TUGAS_BELAJAR;
    }
    if (p->tmt_unit > k->day) {
        m |= KEADAAN_PINDAH;
    }
    return m;
}

void
keadaan_json(const struct keadaan *k, const struct pegawai *p,
             struct json_obj *o)
{
    char d[DATE_STR_LEN];
    date_format(keadaan_tmt_pensiun(k, p->tanggal_lahir, p->jabatan), d);
    json_obj_set_str(o, "tmt_pensiun", d);
    unsigned m = keadaan_of(k, p);
    const char *codes[3];
    size_t n = 0;
    if (m & KEADAAN_PENSIUN) {
        codes[n++] = "pensiun";
    }
    if (m & KEADAAN_TUGAS_BELAJAR) {
        codes[n++] = "tugas_belajar";
    }
    if (m & KEADAAN_PINDAH) {
        codes[n++] = "pindah";
    }
    json_obj_set_strs(o, "keadaan", codes, (int)n);
}

/* True when unit 'u' is 'root' or under it. */
static bool
under(const struct keadaan *k, const char *u, const char *root)
{
    long r = tree_find(k->tree, root);
    long i = u != NULL && r >= 0 ? tree_find(k->tree, u) : -1;
    while (i >= 0 && i != r) {
        i = tree_parent(k->tree, (size_t)i);
    }
    return i >= 0;
}

struct counting {
    const struct keadaan *k;
    const char *root;
    struct keadaan_count *c;
};

static enum err
count_staff(void *ctx, const struct store_staff *x)
{
    struct counting *q = ctx;
    const struct keadaan *k = q->k;
    if (x->unit == NULL || x->jabatan == NULL) {
        /* Not yet posted on the day: their first record waits. */
        q->c->pindah_masuk += x->unit_now && under(k, x->unit_now, q->root);
        return ERR_OK;
    }
    if (x->unit_now != NULL && strcmp(x->unit_now, x->unit) != 0 &&
        x->tmt_unit > k->day && under(k, x->unit_now, q->root) &&
        !under(k, x->unit, q->root)) {
        q->c->pindah_masuk++;
    }
    if (!under(k, x->unit, q->root)) {
        return ERR_OK;
    }
    if (x->tugas_belajar) {
        q->c->tugas_belajar++;
    } else if (keadaan_tmt_pensiun(k, x->tanggal_lahir, x->jabatan) <= k->day) {
        q->c->pensiun++;
    } else if (x->status == STATUS_PPPK_PW) {
        q->c->pppk_pw++;
    } else {
        q->c->dalam_jabatan++;
    }
    return ERR_OK;
}

enum err
keadaan_count_unit(struct store *st, const struct keadaan *k, const char *root,
                   struct keadaan_count *out)
{
    memset(out, 0, sizeof(*out));
    struct counting q = {k, root, out};
    return store_staff_each(st, k->day, count_staff, &q);
}

void
keadaan_count_json(const struct keadaan_count *c, struct json_obj *o)
{
    struct json_obj *v = json_obj_create();
    json_obj_set_int(v, "dalam_jabatan", c->dalam_jabatan);
    json_obj_set_int(v, "pppk_pw", c->pppk_pw);
    json_obj_set_int(v, "pensiun", c->pensiun);
    json_obj_set_int(v, "tugas_belajar", c->tugas_belajar);
    json_obj_set_int(v, "pindah_masuk", c->pindah_masuk);
    json_obj_set_obj(o, "pegawai", v);
}
