/* SPDX-License-Identifier: MIT */
/* geojson: the boundaries of kelurahan and kecamatan read from a GeoJSON
 * FeatureCollection (io layer): parsed by the project's JSON reader
 * (json.h, over jansson), then the checks of GeoJSON (RFC 7946) walk the
 * values. */
#include "geojson.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "json.h"
#include "mem.h"

/* ---- the checks of GeoJSON ---- */

/* The paths of values in messages ("features[3].geometry"); a path too
 * long for its buffer is cut (it only names the place). */
#define PATH_LEN 320

static void
path_item(char out[PATH_LEN], const char *path, size_t i)
{
    if (snprintf(out, PATH_LEN, "%s[%zu]", path, i) < 0) {
        out[0] = '\0';
    }
}

static void
path_key(char out[PATH_LEN], const char *path, const char *key)
{
    if (snprintf(out, PATH_LEN, "%s.%s", path, key) < 0) {
        out[0] = '\0';
    }
}

/* Where a problem is: LINE is the feature's number in 'features' (1 for
 * the collection itself), COLUMN 1, and the message starts with the path
 * of the value, e.g. "features[3].geometry.coordinates[0][4]". */
struct check {
    const char *file;
    struct diag *d;
    bool bad;
    long n_points;
    long feature; /* 1-based; 0 at the collection. */
};

static void
bad_at(struct check *k, const char *path, const char *msg)
{
    diag_add(k->d, k->file, k->feature > 0 ? k->feature : 1, 1, "%s: %s", path,
             msg);
    k->bad = true;
}

static const struct json_val *
member(const struct json_val *o, const char *key)
{
    return o != NULL && json_val_kind(o) == JSON_K_OBJECT
               ? json_val_member(o, key)
               : NULL;
}

static bool
is_kind(const struct json_val *v, enum json_kind kind)
{
    return v != NULL && json_val_kind(v) == kind;
}

static bool
is_type(const struct json_val *o, const char *type)
{
    const char *t = json_val_string(member(o, "type"));
    return t != NULL && strcmp(t, type) == 0;
}

/* Append 's' to 'b', which has no cap (so it cannot fail). */
static void
put(struct buf *b, const char *s)
{
    enum err rc = buf_adds(b, s);
    (void)rc;
}

/* Append 'v' with at most six decimals and no trailing zeros. */
static void
put_coord(struct buf *b, double v)
{
    char s[48];
    snprintf(s, sizeof(s), "%.6f", v);
    char *dot = strchr(s, '.');
    if (dot != NULL) {
        char *e = s + strlen(s) - 1;
        while (e > dot && *e == '0') {
            *e-- = '\0';
        }
        if (e == dot) {
            *e = '\0';
        }
    }
    if (strcmp(s, "-0") == 0) {
        s[0] = '0';
        s[1] = '\0';
    }
    put(b, s);
}

static bool
position(struct check *k, const struct json_val *p, const char *path,
         struct buf *out)
{
    size_t n = json_val_len(p);
    if (!is_kind(p, JSON_K_ARRAY) || n < 2 || n > 3) {
        bad_at(k, path,
               L_("posisi harus berupa [bujur, lintang]",
                  "a position must be [longitude, latitude]"));
        return false;
    }
    char at[PATH_LEN];
    for (size_t i = 0; i < n; i++) {
        const struct json_val *x = json_val_at(p, i);
        if (!is_kind(x, JSON_K_NUMBER) || !isfinite(json_val_number(x))) {
            path_item(at, path, i);
            bad_at(k, at,
                   L_("koordinat harus berupa angka",
                      "a coordinate must be a number"));
            return false;
        }
    }
    double lon = json_val_number(json_val_at(p, 0));
    double lat = json_val_number(json_val_at(p, 1));
    if (lon < -180 || lon > 180) {
        path_item(at, path, 0);
        bad_at(k, at,
               L_("bujur di luar -180..180 (urutan GeoJSON: [bujur, "
                  "lintang])",
                  "longitude outside -180..180 (GeoJSON order: [longitude, "
                  "latitude])"));
        return false;
    }
    if (lat < -90 || lat > 90) {
        path_item(at, path, 1);
        bad_at(k, at,
               L_("lintang di luar -90..90 (urutan GeoJSON: [bujur, "
                  "lintang])",
                  "latitude outside -90..90 (GeoJSON order: [longitude, "
                  "latitude])"));
        return false;
    }
    put(out, "[");
    put_coord(out, lon);
    put(out, ",");
    put_coord(out, lat);
    put(out, "]");
    k->n_points++;
    return true;
}

static bool
ring(struct check *k, const struct json_val *r, const char *path,
     struct buf *out)
{
    size_t n = json_val_len(r);
    char at[PATH_LEN];
    if (!is_kind(r, JSON_K_ARRAY) || n < 4) {
        bad_at(k, path,
               L_("cincin poligon harus berupa larik paling sedikit 4 posisi",
                  "a polygon ring must be an array of at least 4 positions"));
        return false;
    }
    put(out, "[");
    for (size_t i = 0; i < n; i++) {
        put(out, i ? "," : "");
        path_item(at, path, i);
        if (!position(k, json_val_at(r, i), at, out)) {
            return false;
        }
    }
    put(out, "]");
    const struct json_val *a = json_val_at(r, 0);
    const struct json_val *z = json_val_at(r, n - 1);
    if (json_val_number(json_val_at(a, 0)) !=
            json_val_number(json_val_at(z, 0)) ||
        json_val_number(json_val_at(a, 1)) !=
            json_val_number(json_val_at(z, 1))) {
        path_item(at, path, n - 1);
        bad_at(k, at,
               L_("cincin poligon tidak tertutup: posisi terakhir harus sama "
                  "dengan yang pertama",
                  "polygon ring not closed: the last position must equal the "
                  "first"));
        return false;
    }
    return true;
}

static bool
polygon(struct check *k, const struct json_val *p, const char *path,
        struct buf *out)
{
    size_t n = json_val_len(p);
    char at[PATH_LEN];
    if (!is_kind(p, JSON_K_ARRAY) || n < 1) {
        bad_at(k, path,
               L_("poligon harus berupa larik cincin yang tidak kosong",
                  "a polygon must be a non-empty array of rings"));
        return false;
    }
    put(out, "[");
    for (size_t i = 0; i < n; i++) {
        put(out, i ? "," : "");
        path_item(at, path, i);
        if (!ring(k, json_val_at(p, i), at, out)) {
            return false;
        }
    }
    put(out, "]");
    return true;
}

/* The geometry 'g' as compact GeoJSON into a new string; NULL when bad. */
static char *
geometry(struct check *k, const struct json_val *g, const char *path)
{
    char at[PATH_LEN];
    path_key(at, path, "geometry");
    if (!is_kind(g, JSON_K_OBJECT)) {
        bad_at(k, g ? at : path,
               L_("fitur tanpa objek 'geometry'",
                  "feature without a 'geometry' object"));
        return NULL;
    }
    bool multi = is_type(g, "MultiPolygon");
    if (!multi && !is_type(g, "Polygon")) {
        bad_at(k, at,
               L_("geometri harus Polygon atau MultiPolygon",
                  "geometry must be a Polygon or a MultiPolygon"));
        return NULL;
    }
    const struct json_val *c = member(g, "coordinates");
    size_t n = json_val_len(c);
    char cat[PATH_LEN];
    path_key(cat, at, "coordinates");
    if (!is_kind(c, JSON_K_ARRAY) || n < 1) {
        bad_at(k, c ? cat : at,
               L_("geometri tanpa larik 'coordinates' yang tidak kosong",
                  "geometry without a non-empty 'coordinates' array"));
        return NULL;
    }
    struct buf out;
    buf_init(&out, 0);
    put(&out, multi ? "{\"type\":\"MultiPolygon\",\"coordinates\":"
                    : "{\"type\":\"Polygon\",\"coordinates\":");
    bool ok = true;
    if (multi) {
        put(&out, "[");
        for (size_t i = 0; i < n && ok; i++) {
            put(&out, i ? "," : "");
            char pat[PATH_LEN];
            path_item(pat, cat, i);
            ok = polygon(k, json_val_at(c, i), pat, &out);
        }
        put(&out, "]");
    } else {
        ok = polygon(k, c, cat, &out);
    }
    put(&out, "}");
    if (!ok) {
        buf_cleanup(&out);
        return NULL;
    }
    return buf_take(&out);
}

/* The string property 'key' of 'props' (NULL when absent); a message when
 * it is not a string of 1..max bytes without control characters. */
static const char *
prop(struct check *k, const struct json_val *props, const char *path,
     const char *key, size_t max, bool required)
{
    const struct json_val *v = member(props, key);
    char at[PATH_LEN];
    path_key(at, path, key);
    if (v == NULL || json_val_kind(v) == JSON_K_NULL) {
        if (required) {
            char msg[160];
            snprintf(
                msg, sizeof(msg),
                L_("properti '%s' wajib diisi", "property '%s' is required"),
                key);
            bad_at(k, path, msg);
        }
        return NULL;
    }
    const char *str = json_val_string(v);
    bool ok = str != NULL && str[0] != '\0' && strlen(str) <= max;
    for (const char *s = ok ? str : ""; *s; s++) {
        ok = ok && ((unsigned char)*s >= 0x20 && *s != 0x7f);
    }
    if (!ok) {
        char msg[200];
        snprintf(msg, sizeof(msg),
                 L_("properti '%s' harus berupa teks 1..%zu byte tanpa "
                    "karakter kendali",
                    "property '%s' must be text of 1..%zu bytes without "
                    "control characters"),
                 key, max);
        bad_at(k, at, msg);
        return NULL;
    }
    return str;
}

static char *
dup_or_null(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

static void
feature(struct check *k, const struct json_val *f, const char *path,
        struct geojson_set *out)
{
    char pp[PATH_LEN];
    path_key(pp, path, "properties");
    if (!is_kind(f, JSON_K_OBJECT) || !is_type(f, "Feature")) {
        bad_at(k, path,
               L_("anggota 'features' harus berupa objek dengan \"type\": "
                  "\"Feature\"",
                  "each of 'features' must be an object with \"type\": "
                  "\"Feature\""));
        return;
    }
    const struct json_val *props = member(f, "properties");
    if (!is_kind(props, JSON_K_OBJECT)) {
        bad_at(k, props ? pp : path,
               L_("fitur tanpa objek 'properties' (kode, nama, "
                  "kecamatan_kode)",
                  "feature without a 'properties' object (kode, nama, "
                  "kecamatan_kode)"));
        return;
    }
    const char *kode = prop(k, props, pp, "kode", 64, true);
    const char *nama = prop(k, props, pp, "nama", 200, true);
    const char *jenis = prop(k, props, pp, "jenis", 16, false);
    const char *kec_kode = prop(k, props, pp, "kecamatan_kode", 64, false);
    const char *kec = prop(k, props, pp, "kecamatan", 200, false);
    char at[PATH_LEN];
    if (jenis == NULL) {
        jenis = "kelurahan";
    } else if (strcmp(jenis, "kelurahan") != 0 &&
               strcmp(jenis, "kecamatan") != 0) {
        path_key(at, pp, "jenis");
        bad_at(k, at,
               L_("properti 'jenis' harus \"kelurahan\" atau \"kecamatan\"",
                  "property 'jenis' must be \"kelurahan\" or \"kecamatan\""));
        return;
    }
    if (strcmp(jenis, "kelurahan") == 0 && kec_kode == NULL &&
        member(props, "kecamatan_kode") == NULL) {
        bad_at(k, pp,
               L_("kelurahan tanpa properti 'kecamatan_kode'",
                  "kelurahan without a 'kecamatan_kode' property"));
        return;
    }
    for (size_t i = 0; kode != NULL && i < out->n; i++) {
        if (strcmp(out->items[i].kode, kode) == 0) {
            char msg[200];
            snprintf(msg, sizeof(msg),
                     L_("kode '%s' sudah dipakai fitur lain",
                        "code '%s' is used by another feature"),
                     kode);
            path_key(at, pp, "kode");
            bad_at(k, at, msg);
            return;
        }
    }
    long before = k->n_points;
    char *geom = geometry(k, member(f, "geometry"), path);
    if (geom == NULL || kode == NULL || nama == NULL || k->bad) {
        free(geom);
        return;
    }
    if (out->n == out->cap) {
        out->cap = out->cap ? out->cap * 2 : 64;
        out->items = xrealloc(out->items, out->cap * sizeof(*out->items));
    }
    struct geojson_batas *b = &out->items[out->n++];
    b->kode = xstrdup(kode);
    b->nama = xstrdup(nama);
    b->jenis = xstrdup(jenis);
    b->kecamatan_kode =
        strcmp(jenis, "kecamatan") == 0 ? NULL : dup_or_null(kec_kode);
    b->kecamatan = dup_or_null(kec);
    b->geometri = geom;
    b->n_titik = k->n_points - before;
}

static void
collection(struct check *k, const struct json_val *root,
           struct geojson_set *out)
{
    if (!is_kind(root, JSON_K_OBJECT) || !is_type(root, "FeatureCollection")) {
        bad_at(k, L_("berkas", "file"),
               L_("berkas harus berupa objek GeoJSON dengan \"type\": "
                  "\"FeatureCollection\"",
                  "the file must be a GeoJSON object with \"type\": "
                  "\"FeatureCollection\""));
        return;
    }
    const struct json_val *fs = member(root, "features");
    size_t n = json_val_len(fs);
    if (!is_kind(fs, JSON_K_ARRAY) || n == 0) {
        bad_at(k, "features",
               L_("'features' harus berupa larik yang tidak kosong",
                  "'features' must be a non-empty array"));
        return;
    }
    if (n > GEOJSON_MAX_FEATURES) {
        bad_at(k, "features",
               L_("terlalu banyak fitur (paling banyak 20000)",
                  "too many features (at most 20000)"));
        return;
    }
    for (size_t i = 0; i < n && !diag_over(k->d); i++) {
        char path[48];
        snprintf(path, sizeof(path), "features[%zu]", i);
        k->feature = (long)i + 1;
        feature(k, json_val_at(fs, i), path, out);
    }
}

void
geojson_set_free(struct geojson_set *set)
{
    if (set == NULL) {
        return;
    }
    for (size_t i = 0; i < set->n; i++) {
        struct geojson_batas *b = &set->items[i];
        free(b->kode);
        free(b->nama);
        free(b->jenis);
        free(b->kecamatan_kode);
        free(b->kecamatan);
        free(b->geometri);
    }
    free(set->items);
    set->items = NULL;
    set->n = 0;
    set->cap = 0;
}

enum err
geojson_read(const char *text, size_t len, const char *file, struct diag *d,
             struct geojson_set *out)
{
    struct json_doc *doc = NULL;
    struct json_where where;
    memset(out, 0, sizeof(*out));
    if (len > (size_t)GEOJSON_MAX_BYTES) {
        diag_add(d, file, 1, 1, "%s",
                 L_("berkas terlalu besar (paling besar 64 MiB)",
                    "file too big (at most 64 MiB)"));
        return ERR_INVAL;
    }
    if (json_doc_parse(text, len, &doc, &where) != ERR_OK) {
        diag_add(d, file, where.line, where.column,
                 L_("bukan JSON yang sah: %s", "not valid JSON: %s"),
                 where.text);
        return ERR_INVAL;
    }
    struct check k = {file, d, false, 0, 0};
    collection(&k, json_doc_root(doc), out);
    json_doc_destroy(doc);
    if (k.bad) {
        geojson_set_free(out);
        return ERR_INVAL;
    }
    return ERR_OK;
}
