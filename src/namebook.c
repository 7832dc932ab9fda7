/* SPDX-License-Identifier: MIT */
/* namebook: code -> name of units and positions (service layer), two
 * hash maps whose values are the book's own copies of the names. */
#include "namebook.h"

#include <stdlib.h>
#include <string.h>

#include "map.h"
#include "mem.h"
#include "model.h"
#include "store.h"

struct namebook {
    struct map unit;
    struct map jabatan;
};

static void
put(struct map *m, const char *kode, const char *nama)
{
    void *old = NULL;
    if (map_find(m, kode, &old)) {
        free(old);
    }
    map_put(m, kode, xstrdup(nama != NULL ? nama : ""));
}

static enum err
add_unit(void *ctx, const struct unit *u)
{
    struct namebook *nb = ctx;
    put(&nb->unit, u->kode, u->nama);
    return ERR_OK;
}

static enum err
add_jabatan(void *ctx, const struct jabatan *j)
{
    struct namebook *nb = ctx;
    put(&nb->jabatan, j->kode, j->nama);
    return ERR_OK;
}

enum err
namebook_load(struct store *st, struct namebook **out)
{
    struct namebook *nb = xcalloc(1, sizeof(*nb));
    map_init(&nb->unit);
    map_init(&nb->jabatan);
    enum err rc = store_unit_each(st, add_unit, nb);
    rc = rc == ERR_OK ? store_jabatan_each(st, add_jabatan, nb) : rc;
    if (rc != ERR_OK) {
        namebook_destroy(nb);
        return rc;
    }
    *out = nb;
    return ERR_OK;
}

void
namebook_destroy(struct namebook *nb)
{
    if (nb == NULL) {
        return;
    }
    map_free_values(&nb->unit);
    map_free_values(&nb->jabatan);
    map_cleanup(&nb->unit);
    map_cleanup(&nb->jabatan);
    free(nb);
}

static const char *
lookup(const struct map *m, const char *kode)
{
    void *v = NULL;
    if (kode == NULL || !map_find(m, kode, &v)) {
        return NULL;
    }
    return v;
}

const char *
namebook_unit(const struct namebook *nb, const char *kode)
{
    return lookup(&nb->unit, kode);
}

const char *
namebook_jabatan(const struct namebook *nb, const char *kode)
{
    return lookup(&nb->jabatan, kode);
}

const char *
namebook_jenis_pindah(const char *jenis)
{
    if (jenis != NULL && strcmp(jenis, "aps") == 0) {
        return "Atas permintaan sendiri";
    }
    if (jenis != NULL && strcmp(jenis, "penugasan") == 0) {
        return "Penugasan";
    }
    return jenis;
}
