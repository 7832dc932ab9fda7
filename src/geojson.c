/* SPDX-License-Identifier: MIT */
/* geojson: the boundaries of kelurahan and kecamatan read from a GeoJSON
 * FeatureCollection (io layer). A small JSON reader (RFC 8259) builds a
 * tree whose every value knows its line and column; the checks of
 * GeoJSON (RFC 7946) then walk it. */
#include "geojson.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "mem.h"

enum jtype { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ };

struct jnode {
    enum jtype type;
    long line;
    int col;
    double num;
    char *str; /* J_STR: decoded UTF-8. */
    struct jnode **kids;
    char **keys; /* J_OBJ: one per kid. */
    size_t n;
};

struct reader {
    const char *p;
    const char *end;
    long line;
    const char *line_start;
    const char *file;
    struct diag *d;
    bool failed;
};

static int
col_of(const struct reader *r)
{
    return (int)(r->p - r->line_start) + 1;
}

static void
syntax(struct reader *r, const char *msg)
{
    if (!r->failed) {
        diag_add(r->d, r->file, r->line, col_of(r), "%s", msg);
    }
    r->failed = true;
}

static void
node_free(struct jnode *n)
{
    if (n == NULL) {
        return;
    }
    for (size_t i = 0; i < n->n; i++) {
        node_free(n->kids[i]);
        if (n->keys != NULL) {
            free(n->keys[i]);
        }
    }
    free(n->kids);
    free(n->keys);
    free(n->str);
    free(n);
}

static void
skip_ws(struct reader *r)
{
    while (r->p < r->end) {
        char c = *r->p;
        if (c == '\n') {
            r->line++;
            r->line_start = r->p + 1;
        } else if (c != ' ' && c != '\t' && c != '\r') {
            return;
        }
        r->p++;
    }
}

static struct jnode *
new_node(const struct reader *r, enum jtype t)
{
    struct jnode *n = xcalloc(1, sizeof(*n));
    n->type = t;
    n->line = r->line;
    n->col = col_of(r);
    return n;
}

static void
push_kid(struct jnode *n, struct jnode *kid, char *key, size_t *cap)
{
    if (n->n == *cap) {
        *cap = *cap ? *cap * 2 : 4;
        n->kids = xrealloc(n->kids, *cap * sizeof(struct jnode *));
        if (n->type == J_OBJ) {
            n->keys = xrealloc(n->keys, *cap * sizeof(char *));
        }
    }
    n->kids[n->n] = kid;
    if (n->type == J_OBJ) {
        n->keys[n->n] = key;
    }
    n->n++;
}

static int
hex4(const char *p)
{
    int v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        int h = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        if (h < 0) {
            return -1;
        }
        v = v * 16 + h;
    }
    return v;
}

static enum err
put_utf8(struct buf *b, unsigned long cp)
{
    unsigned char u[4];
    size_t n;
    if (cp < 0x80) {
        u[0] = (unsigned char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (unsigned char)(0xc0 | (cp >> 6));
        u[1] = (unsigned char)(0x80 | (cp & 0x3f));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (unsigned char)(0xe0 | (cp >> 12));
        u[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
        u[2] = (unsigned char)(0x80 | (cp & 0x3f));
        n = 3;
    } else {
        u[0] = (unsigned char)(0xf0 | (cp >> 18));
        u[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
        u[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
        u[3] = (unsigned char)(0x80 | (cp & 0x3f));
        n = 4;
    }
    return buf_add(b, u, n);
}

/* The length of the valid UTF-8 sequence at 'p' (before 'end'); 0 when
 * it is not one (overlong forms, surrogates and values past U+10FFFF
 * included). */
static size_t
utf8_len(const unsigned char *p, const unsigned char *end)
{
    size_t n = p[0] >= 0xf0 ? 4 : p[0] >= 0xe0 ? 3 : p[0] >= 0xc0 ? 2 : 0;
    if (n == 0 || p[0] > 0xf4 || (size_t)(end - p) < n) {
        return 0;
    }
    unsigned long cp = p[0] & (0x3f >> (n - 1));
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xc0) != 0x80) {
            return 0;
        }
        cp = (cp << 6) | (p[i] & 0x3f);
    }
    static const unsigned long min[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
        return 0;
    }
    return n;
}

/* A string at r->p (on the opening quote), decoded into a new C string;
 * NULL after a syntax error. */
static char *
read_string(struct reader *r)
{
    struct buf b;
    buf_init(&b, 0);
    r->p++;
    while (r->p < r->end && *r->p != '"') {
        unsigned char c = (unsigned char)*r->p;
        enum err rc = ERR_OK;
        if (c < 0x20) {
            syntax(r, L_("karakter kendali di dalam string",
                         "control character in a string"));
            break;
        }
        if (c == '\\') {
            if (r->end - r->p < 2) {
                break;
            }
            char e = r->p[1];
            const char *plain = strchr("\"\\/bfnrt", e);
            if (e != '\0' && plain != NULL) {
                static const char out[] = "\"\\/\b\f\n\r\t";
                rc = buf_add(&b, &out[plain - "\"\\/bfnrt"], 1);
                r->p += 2;
            } else if (e == 'u' && r->end - r->p >= 6 && hex4(r->p + 2) >= 0) {
                unsigned long cp = (unsigned long)hex4(r->p + 2);
                r->p += 6;
                if (cp >= 0xd800 && cp <= 0xdbff && r->end - r->p >= 6 &&
                    r->p[0] == '\\' && r->p[1] == 'u' &&
                    hex4(r->p + 2) >= 0xdc00 && hex4(r->p + 2) <= 0xdfff) {
                    cp = 0x10000 + ((cp - 0xd800) << 10) +
                         ((unsigned long)hex4(r->p + 2) - 0xdc00);
                    r->p += 6;
                } else if (cp >= 0xd800 && cp <= 0xdfff) {
                    syntax(r, L_("pasangan surrogate \\u tidak lengkap",
                                 "unpaired \\u surrogate"));
                    break;
                }
                rc = put_utf8(&b, cp);
            } else {
                syntax(r, L_("escape tidak sah di dalam string",
                             "invalid escape in a string"));
                break;
            }
        } else if (c < 0x80) {
            rc = buf_add(&b, r->p, 1);
            r->p++;
        } else {
            size_t n = utf8_len((const unsigned char *)r->p,
                                (const unsigned char *)r->end);
            if (n == 0) {
                syntax(r, L_("string bukan UTF-8 yang sah",
                             "string is not valid UTF-8"));
                break;
            }
            rc = buf_add(&b, r->p, n);
            r->p += n;
        }
        (void)rc; /* No cap on 'b'. */
    }
    if (!r->failed && r->p >= r->end) {
        syntax(r, L_("string tidak ditutup", "unterminated string"));
    }
    if (r->failed) {
        buf_cleanup(&b);
        return NULL;
    }
    r->p++;
    return buf_take(&b);
}

static bool
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static struct jnode *read_value(struct reader *r, int depth);

static struct jnode *
read_number(struct reader *r)
{
    const char *s = r->p;
    const char *q = s;
    if (q < r->end && *q == '-') {
        q++;
    }
    if (q < r->end && *q == '0') {
        q++;
    } else if (q < r->end && is_digit(*q)) {
        while (q < r->end && is_digit(*q)) {
            q++;
        }
    } else {
        syntax(r, L_("nilai tidak sah", "invalid value"));
        return NULL;
    }
    if (q < r->end && *q == '.') {
        q++;
        if (q >= r->end || !is_digit(*q)) {
            syntax(r, L_("angka tidak sah", "invalid number"));
            return NULL;
        }
        while (q < r->end && is_digit(*q)) {
            q++;
        }
    }
    if (q < r->end && (*q == 'e' || *q == 'E')) {
        q++;
        if (q < r->end && (*q == '+' || *q == '-')) {
            q++;
        }
        if (q >= r->end || !is_digit(*q)) {
            syntax(r, L_("angka tidak sah", "invalid number"));
            return NULL;
        }
        while (q < r->end && is_digit(*q)) {
            q++;
        }
    }
    char tmp[64];
    size_t len = (size_t)(q - s);
    if (len >= sizeof(tmp)) {
        syntax(r, L_("angka terlalu panjang", "number too long"));
        return NULL;
    }
    memcpy(tmp, s, len);
    tmp[len] = '\0';
    struct jnode *n = new_node(r, J_NUM);
    n->num = strtod(tmp, NULL);
    r->p = q;
    return n;
}

static bool
literal(struct reader *r, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(r->end - r->p) >= n && memcmp(r->p, word, n) == 0) {
        r->p += n;
        return true;
    }
    return false;
}

static struct jnode *
read_container(struct reader *r, int depth, bool obj)
{
    struct jnode *n = new_node(r, obj ? J_OBJ : J_ARR);
    size_t cap = 0;
    char close = obj ? '}' : ']';
    r->p++;
    skip_ws(r);
    if (r->p < r->end && *r->p == close) {
        r->p++;
        return n;
    }
    for (;;) {
        char *key = NULL;
        skip_ws(r);
        if (obj) {
            if (r->p >= r->end || *r->p != '"') {
                syntax(r, L_("diharapkan nama kunci dalam tanda kutip",
                             "expected a quoted key"));
                break;
            }
            key = read_string(r);
            if (key == NULL) {
                break;
            }
            skip_ws(r);
            if (r->p >= r->end || *r->p != ':') {
                free(key);
                syntax(r, L_("diharapkan ':'", "expected ':'"));
                break;
            }
            r->p++;
        }
        struct jnode *kid = read_value(r, depth + 1);
        if (kid == NULL) {
            free(key);
            break;
        }
        push_kid(n, kid, key, &cap);
        skip_ws(r);
        if (r->p < r->end && *r->p == ',') {
            r->p++;
            continue;
        }
        if (r->p < r->end && *r->p == close) {
            r->p++;
            return n;
        }
        syntax(r, obj ? L_("diharapkan ',' atau '}'", "expected ',' or '}'")
                      : L_("diharapkan ',' atau ']'", "expected ',' or ']'"));
        break;
    }
    node_free(n);
    return NULL;
}

static struct jnode *
read_value(struct reader *r, int depth)
{
    skip_ws(r);
    if (depth > GEOJSON_MAX_DEPTH) {
        syntax(r, L_("susunan terlalu dalam", "nested too deeply"));
        return NULL;
    }
    if (r->p >= r->end) {
        syntax(r, L_("berkas berakhir sebelum waktunya",
                     "unexpected end of file"));
        return NULL;
    }
    char c = *r->p;
    if (c == '{' || c == '[') {
        return read_container(r, depth, c == '{');
    }
    if (c == '"') {
        struct jnode *n = new_node(r, J_STR);
        n->str = read_string(r);
        if (n->str == NULL) {
            node_free(n);
            return NULL;
        }
        return n;
    }
    struct jnode *n = new_node(r, J_NULL);
    if (literal(r, "null")) {
        return n;
    }
    n->type = J_BOOL;
    if (literal(r, "true") || literal(r, "false")) {
        return n;
    }
    free(n);
    return read_number(r);
}

/* ---- the checks of GeoJSON ---- */

struct check {
    const char *file;
    struct diag *d;
    bool bad;
    long n_points;
};

static void
bad_at(struct check *k, const struct jnode *n, const char *msg)
{
    diag_add(k->d, k->file, n->line, n->col, "%s", msg);
    k->bad = true;
}

static const struct jnode *
member(const struct jnode *o, const char *key)
{
    for (size_t i = 0; o != NULL && o->type == J_OBJ && i < o->n; i++) {
        if (strcmp(o->keys[i], key) == 0) {
            return o->kids[i];
        }
    }
    return NULL;
}

static bool
is_type(const struct jnode *o, const char *type)
{
    const struct jnode *t = member(o, "type");
    return t != NULL && t->type == J_STR && strcmp(t->str, type) == 0;
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
position(struct check *k, const struct jnode *p, struct buf *out)
{
    if (p->type != J_ARR || p->n < 2 || p->n > 3) {
        bad_at(k, p,
               L_("posisi harus berupa [bujur, lintang]",
                  "a position must be [longitude, latitude]"));
        return false;
    }
    for (size_t i = 0; i < p->n; i++) {
        if (p->kids[i]->type != J_NUM || !isfinite(p->kids[i]->num)) {
            bad_at(k, p->kids[i],
                   L_("koordinat harus berupa angka",
                      "a coordinate must be a number"));
            return false;
        }
    }
    double lon = p->kids[0]->num;
    double lat = p->kids[1]->num;
    if (lon < -180 || lon > 180) {
        bad_at(k, p->kids[0],
               L_("bujur di luar -180..180 (urutan GeoJSON: [bujur, "
                  "lintang])",
                  "longitude outside -180..180 (GeoJSON order: [longitude, "
                  "latitude])"));
        return false;
    }
    if (lat < -90 || lat > 90) {
        bad_at(k, p->kids[1],
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
ring(struct check *k, const struct jnode *r, struct buf *out)
{
    if (r->type != J_ARR || r->n < 4) {
        bad_at(k, r,
               L_("cincin poligon harus berupa larik paling sedikit 4 posisi",
                  "a polygon ring must be an array of at least 4 positions"));
        return false;
    }
    put(out, "[");
    for (size_t i = 0; i < r->n; i++) {
        put(out, i ? "," : "");
        if (!position(k, r->kids[i], out)) {
            return false;
        }
    }
    put(out, "]");
    const struct jnode *a = r->kids[0];
    const struct jnode *z = r->kids[r->n - 1];
    if (a->kids[0]->num != z->kids[0]->num ||
        a->kids[1]->num != z->kids[1]->num) {
        bad_at(k, z,
               L_("cincin poligon tidak tertutup: posisi terakhir harus sama "
                  "dengan yang pertama",
                  "polygon ring not closed: the last position must equal the "
                  "first"));
        return false;
    }
    return true;
}

static bool
polygon(struct check *k, const struct jnode *p, struct buf *out)
{
    if (p->type != J_ARR || p->n < 1) {
        bad_at(k, p,
               L_("poligon harus berupa larik cincin yang tidak kosong",
                  "a polygon must be a non-empty array of rings"));
        return false;
    }
    put(out, "[");
    for (size_t i = 0; i < p->n; i++) {
        put(out, i ? "," : "");
        if (!ring(k, p->kids[i], out)) {
            return false;
        }
    }
    put(out, "]");
    return true;
}

/* The geometry 'g' as compact GeoJSON into a new string; NULL when bad. */
static char *
geometry(struct check *k, const struct jnode *f, const struct jnode *g)
{
    if (g == NULL || g->type != J_OBJ) {
        bad_at(k, g ? g : f,
               L_("fitur tanpa objek 'geometry'",
                  "feature without a 'geometry' object"));
        return NULL;
    }
    bool multi = is_type(g, "MultiPolygon");
    if (!multi && !is_type(g, "Polygon")) {
        bad_at(k, g,
               L_("geometri harus Polygon atau MultiPolygon",
                  "geometry must be a Polygon or a MultiPolygon"));
        return NULL;
    }
    const struct jnode *c = member(g, "coordinates");
    if (c == NULL || c->type != J_ARR || c->n < 1) {
        bad_at(k, c ? c : g,
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
        for (size_t i = 0; i < c->n && ok; i++) {
            put(&out, i ? "," : "");
            ok = polygon(k, c->kids[i], &out);
        }
        put(&out, "]");
    } else {
        ok = polygon(k, c, &out);
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
prop(struct check *k, const struct jnode *props, const char *key, size_t max,
     bool required)
{
    const struct jnode *v = member(props, key);
    if (v == NULL || v->type == J_NULL) {
        if (required) {
            char msg[160];
            snprintf(
                msg, sizeof(msg),
                L_("properti '%s' wajib diisi", "property '%s' is required"),
                key);
            bad_at(k, props, msg);
        }
        return NULL;
    }
    bool ok = v->type == J_STR && v->str[0] != '\0' && strlen(v->str) <= max;
    for (const char *s = ok ? v->str : ""; *s; s++) {
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
        bad_at(k, v, msg);
        return NULL;
    }
    return v->str;
}

static char *
dup_or_null(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

static void
feature(struct check *k, const struct jnode *f, struct geojson_set *out)
{
    if (f->type != J_OBJ || !is_type(f, "Feature")) {
        bad_at(k, f,
               L_("anggota 'features' harus berupa objek dengan \"type\": "
                  "\"Feature\"",
                  "each of 'features' must be an object with \"type\": "
                  "\"Feature\""));
        return;
    }
    const struct jnode *props = member(f, "properties");
    if (props == NULL || props->type != J_OBJ) {
        bad_at(k, props ? props : f,
               L_("fitur tanpa objek 'properties' (kode, nama, "
                  "kecamatan_kode)",
                  "feature without a 'properties' object (kode, nama, "
                  "kecamatan_kode)"));
        return;
    }
    const char *kode = prop(k, props, "kode", 64, true);
    const char *nama = prop(k, props, "nama", 200, true);
    const char *jenis = prop(k, props, "jenis", 16, false);
    const char *kec_kode = prop(k, props, "kecamatan_kode", 64, false);
    const char *kec = prop(k, props, "kecamatan", 200, false);
    if (jenis == NULL) {
        jenis = "kelurahan";
    } else if (strcmp(jenis, "kelurahan") != 0 &&
               strcmp(jenis, "kecamatan") != 0) {
        bad_at(k, member(props, "jenis"),
               L_("properti 'jenis' harus \"kelurahan\" atau \"kecamatan\"",
                  "property 'jenis' must be \"kelurahan\" or \"kecamatan\""));
        return;
    }
    if (strcmp(jenis, "kelurahan") == 0 && kec_kode == NULL &&
        member(props, "kecamatan_kode") == NULL) {
        bad_at(k, props,
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
            bad_at(k, member(props, "kode"), msg);
            return;
        }
    }
    long before = k->n_points;
    char *geom = geometry(k, f, member(f, "geometry"));
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
collection(struct check *k, const struct jnode *root, struct geojson_set *out)
{
    if (root->type != J_OBJ || !is_type(root, "FeatureCollection")) {
        bad_at(k, root,
               L_("berkas harus berupa objek GeoJSON dengan \"type\": "
                  "\"FeatureCollection\"",
                  "the file must be a GeoJSON object with \"type\": "
                  "\"FeatureCollection\""));
        return;
    }
    const struct jnode *fs = member(root, "features");
    if (fs == NULL || fs->type != J_ARR || fs->n == 0) {
        bad_at(k, fs ? fs : root,
               L_("'features' harus berupa larik yang tidak kosong",
                  "'features' must be a non-empty array"));
        return;
    }
    if (fs->n > GEOJSON_MAX_FEATURES) {
        bad_at(k, fs,
               L_("terlalu banyak fitur (paling banyak 20000)",
                  "too many features (at most 20000)"));
        return;
    }
    for (size_t i = 0; i < fs->n && !diag_over(k->d); i++) {
        feature(k, fs->kids[i], out);
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
    struct reader r = {text, text + len, 1, text, file, d, false};
    memset(out, 0, sizeof(*out));
    if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
        r.p += 3; /* A byte-order mark, as some editors write. */
        r.line_start = r.p;
    }
    struct jnode *root = read_value(&r, 0);
    if (root != NULL) {
        skip_ws(&r);
        if (r.p < r.end) {
            syntax(&r, L_("ada teks setelah akhir JSON",
                          "text after the end of the JSON value"));
        }
    }
    if (r.failed || root == NULL) {
        node_free(root);
        return ERR_INVAL;
    }
    struct check k = {file, d, false, 0};
    collection(&k, root, out);
    node_free(root);
    if (k.bad) {
        geojson_set_free(out);
        return ERR_INVAL;
    }
    return ERR_OK;
}
