/* SPDX-License-Identifier: MIT */
/* import_batas: loads the boundaries of kelurahan and kecamatan that the
 * map draws from a GeoJSON FeatureCollection (service layer). */
#include "import_batas.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "geojson.h"
#include "json.h"
#include "mem.h"
#include "model.h"
#include "store.h"

/* The name of the kecamatan 'kode' from the unit of that code: its
 * 'kecamatan' field, else its name without "Kecamatan ". NULL when no
 * such unit. Borrowed until the next store_*_get(). */
static const char *
kecamatan_name(struct store *st, const char *kode)
{
    struct unit u;
    if (kode == NULL || store_unit_get(st, kode, &u) != ERR_OK) {
        return NULL;
    }
    if (u.kecamatan != NULL) {
        return u.kecamatan;
    }
    const char *prefix = "Kecamatan ";
    size_t n = strlen(prefix);
    return strncmp(u.nama, prefix, n) == 0 ? u.nama + n : u.nama;
}

static enum err
audit(struct store *st, const char *actor, const char *name,
      const struct import_batas_stats *s)
{
    struct json_obj *o = json_obj_create();
    struct buf after;
    buf_init(&after, 0);
    json_obj_set_str(o, "berkas", name);
    json_obj_set_int(o, "kelurahan", s->n_kelurahan);
    json_obj_set_int(o, "kecamatan", s->n_kecamatan);
    enum err rc = json_obj_format(o, &after);
    struct store_audit a = {actor,    "batas", NULL,
                            "import", NULL,    buf_str(&after)};
    rc = rc == ERR_OK ? store_audit_add(st, &a) : rc;
    json_obj_destroy(o);
    buf_cleanup(&after);
    return rc;
}

static enum err
write_all(struct store *st, const struct geojson_set *set, const char *name,
          const char *actor, struct diag *d, struct import_batas_stats *s)
{
    enum err rc = store_batas_clear(st);
    for (size_t i = 0; i < set->n && rc == ERR_OK; i++) {
        const struct geojson_batas *g = &set->items[i];
        const char *found =
            g->kecamatan ? NULL : kecamatan_name(st, g->kecamatan_kode);
        char *kec = found ? xstrdup(found) : NULL;
        struct store_batas b = {g->kode,
                                g->nama,
                                g->jenis,
                                g->kecamatan_kode,
                                g->kecamatan ? g->kecamatan : kec,
                                g->geometri};
        rc = store_batas_put(st, &b);
        free(kec);
        if (rc == ERR_EXISTS) {
            diag_add(d, name, 0, 0,
                     L_("kode '%s' muncul dua kali", "code '%s' appears twice"),
                     g->kode);
            rc = ERR_INVAL;
        }
        bool kel = strcmp(g->jenis, "kelurahan") == 0;
        s->n_kelurahan += kel;
        s->n_kecamatan += !kel;
        s->n_titik += g->n_titik;
    }
    return rc == ERR_OK ? audit(st, actor, name, s) : rc;
}

enum err
import_batas_text(struct store *st, const char *text, size_t len,
                  const char *name, const char *actor, struct diag *d,
                  struct import_batas_stats *out)
{
    struct geojson_set set;
    struct import_batas_stats s = {0, 0, 0};
    enum err rc = geojson_read(text, len, name, d, &set);
    if (rc != ERR_OK) {
        return rc;
    }
    rc = store_begin(st);
    if (rc == ERR_OK) {
        rc = write_all(st, &set, name, actor, d, &s);
        rc = rc == ERR_OK ? store_commit(st) : rc;
        if (rc != ERR_OK) {
            store_rollback(st);
        }
    }
    geojson_set_free(&set);
    if (rc == ERR_OK && out != NULL) {
        *out = s;
    }
    return rc;
}

enum err
import_batas_file(struct store *st, const char *path, const char *actor,
                  struct diag *d, struct import_batas_stats *out)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        diag_add(d, path, 0, 0, "%s", strerror(errno));
        return ERR_NOINPUT;
    }
    struct buf b;
    buf_init(&b, (size_t)GEOJSON_MAX_BYTES);
    char chunk[65536];
    size_t n;
    enum err rc = ERR_OK;
    while (rc == ERR_OK && (n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
        rc = buf_add(&b, chunk, n);
    }
    if (rc == ERR_OK && ferror(f)) {
        diag_add(d, path, 0, 0, "%s", strerror(errno));
        rc = ERR_NOINPUT;
    } else if (rc == ERR_TOOBIG) {
        diag_add(
            d, path, 0, 0,
            L_("berkas lebih besar dari %ld MiB", "file larger than %ld MiB"),
            GEOJSON_MAX_BYTES / (1024L * 1024L));
    }
    fclose(f);
    if (rc == ERR_OK) {
        rc = import_batas_text(st, b.data ? b.data : "", b.len, path, actor, d,
                               out);
    }
    buf_cleanup(&b);
    return rc;
}
