/* SPDX-License-Identifier: MIT */
/* siasn_api: SIASN's web API, logged in with two tokens (service layer). */
#include "siasn_api.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "diag.h"
#include "json.h"
#include "mem.h"
#include "progress.h"
#include "siasn_out.h"
#include "store.h"

#define MAX_TOKEN 8192

/* Append "key=value" (escaped) to the form 'b', with '&' between. */
static enum err
form(struct buf *b, const char *key, const char *value)
{
    enum err rc = b->len > 0 ? buf_adds(b, "&") : ERR_OK;
    rc = rc == ERR_OK ? buf_adds(b, key) : rc;
    rc = rc == ERR_OK ? buf_adds(b, "=") : rc;
    return rc == ERR_OK ? siasn_http_form_escape(value, b) : rc;
}

/* The first 200 bytes of an answer's body, for a message (control bytes
 * shown as '?'). */
static void
excerpt(const struct siasn_http_reply *r, char out[201])
{
    size_t n = r->body.len < 200 ? r->body.len : 200;
    for (size_t i = 0; i < n; i++) {
        char ch = r->body.data[i];
        if ((ch >= 0 && ch < 0x20) || ch == 0x7f) {
            ch = '?';
        }
        out[i] = ch;
    }
    out[n] = '\0';
}

/* POST the form 'body' to token endpoint 'url' ('what' names it in
 * messages) and take "access_token" of the answer into '*token'. */
static enum err
fetch_token(const struct siasn_conf *conf, const char *what, const char *url,
            const struct buf *body, char **token, struct buf *why)
{
    static const char *const headers[] = {
        "Content-Type: application/x-www-form-urlencoded",
        "Accept: application/json", NULL};
    struct siasn_http_req q = {"POST",     url,       headers,
                               body->data, body->len, conf->timeout};
    struct siasn_http_reply r;
    char ex[201];
    siasn_http_reply_init(&r);
    enum err rc = siasn_http_send(&q, &r);
    if (rc != ERR_OK) {
        (void)(buf_addf(why,
                        L_("%s (%s) tidak dapat dihubungi: %s",
                           "%s (%s) cannot be reached: %s"),
                        what, url, r.error) == ERR_OK);
        siasn_http_reply_cleanup(&r);
        return ERR_UNAVAILABLE;
    }
    if (r.status == 400 || r.status == 401 || r.status == 403) {
        (void)(buf_addf(why,
                        L_("%s menolak kredensial (HTTP %ld); periksa berkas "
                           "konfigurasi",
                           "%s refused the credentials (HTTP %ld); check the "
                           "configuration file"),
                        what, r.status) == ERR_OK);
        siasn_http_reply_cleanup(&r);
        return ERR_AUTH;
    }
    struct json_obj *o = NULL;
    char *tok = xmalloc(MAX_TOKEN);
    if (r.status / 100 != 2) {
        excerpt(&r, ex);
        (void)(buf_addf(
                   why,
                   L_("%s menjawab HTTP %ld: %s", "%s answered HTTP %ld: %s"),
                   what, r.status, ex) == ERR_OK);
        rc = ERR_UNAVAILABLE;
    } else if (json_obj_parse(r.body.data ? r.body.data : "", &o) != ERR_OK ||
               !json_obj_text(o, "access_token", tok, MAX_TOKEN) ||
               tok[0] == '\0') {
        excerpt(&r, ex);
        (void)(buf_addf(why,
                        L_("jawaban %s tanpa access_token yang sah: %s",
                           "the answer of %s has no valid access_token: %s"),
                        what, ex) == ERR_OK);
        rc = ERR_UNAVAILABLE;
    }
    json_obj_destroy(o);
    siasn_http_reply_cleanup(&r);
    if (rc == ERR_OK) {
        *token = xstrdup(tok);
    }
    memset(tok, 0, MAX_TOKEN);
    free(tok);
    return rc;
}

/* Wipe and free '*s'. */
static void
wipe(char **s)
{
    if (*s != NULL) {
        memset(*s, 0, strlen(*s));
        free(*s);
        *s = NULL;
    }
}

void
siasn_client_cleanup(struct siasn_client *c)
{
    wipe(&c->token);
    wipe(&c->sso_token);
}

enum err
siasn_login(struct siasn_client *c, const struct siasn_conf *conf,
            struct buf *why)
{
    struct buf b;
    memset(c, 0, sizeof(*c));
    c->conf = conf;
    buf_init(&b, 0);
    enum err rc = form(&b, "grant_type", "client_credentials");
    rc = rc == ERR_OK ? form(&b, "client_id", conf->client_id) : rc;
    rc = rc == ERR_OK ? form(&b, "client_secret", conf->client_secret) : rc;
    rc = rc == ERR_OK ? fetch_token(conf, "token_url", conf->token_url, &b,
                                    &c->token, why)
                      : rc;
    if (b.data != NULL) {
        memset(b.data, 0, b.len);
    }
    buf_reset(&b);
    rc = rc == ERR_OK ? form(&b, "grant_type", "password") : rc;
    rc = rc == ERR_OK ? form(&b, "client_id", conf->sso_client_id) : rc;
    rc = rc == ERR_OK ? form(&b, "username", conf->username) : rc;
    rc = rc == ERR_OK ? form(&b, "password", conf->password) : rc;
    rc = rc == ERR_OK ? fetch_token(conf, "sso_url", conf->sso_url, &b,
                                    &c->sso_token, why)
                      : rc;
    if (b.data != NULL) {
        memset(b.data, 0, b.len);
    }
    buf_cleanup(&b);
    if (rc != ERR_OK) {
        siasn_client_cleanup(c);
    }
    return rc;
}

/* Send 'method' to base_url + 'path' with both tokens (and 'body' as
 * JSON when not NULL) into 'r'. */
static enum err
call(const struct siasn_client *c, const char *method, const char *path,
     const struct buf *body, struct siasn_http_reply *r)
{
    struct buf url;
    struct buf h1;
    struct buf h2;
    buf_init(&url, 0);
    buf_init(&h1, 0);
    buf_init(&h2, 0);
    enum err rc = buf_addf(&url, "%s%s", c->conf->base_url, path);
    rc =
        rc == ERR_OK ? buf_addf(&h1, "Authorization: Bearer %s", c->token) : rc;
    rc = rc == ERR_OK ? buf_addf(&h2, "Auth: bearer %s", c->sso_token) : rc;
    const char *headers[] = {buf_str(&h1), buf_str(&h2),
                             "Accept: application/json",
                             "Content-Type: application/json", NULL};
    if (body == NULL) {
        headers[3] = NULL;
    }
    struct siasn_http_req q = {method,
                               buf_str(&url),
                               headers,
                               body ? body->data : NULL,
                               body ? body->len : 0,
                               c->conf->timeout};
    rc = rc == ERR_OK ? siasn_http_send(&q, r) : rc;
    buf_cleanup(&url);
    memset(h1.data, 0, h1.len);
    memset(h2.data, 0, h2.len);
    buf_cleanup(&h1);
    buf_cleanup(&h2);
    return rc;
}

enum err
siasn_get(const struct siasn_client *c, const char *path,
          struct siasn_http_reply *r, struct buf *why)
{
    char ex[201];
    enum err rc = call(c, "GET", path, NULL, r);
    if (rc != ERR_OK) {
        (void)(buf_addf(why, L_("GET %s gagal: %s", "GET %s failed: %s"), path,
                        r->error) == ERR_OK);
        return ERR_UNAVAILABLE;
    }
    if (r->status / 100 == 2) {
        return ERR_OK;
    }
    excerpt(r, ex);
    (void)(buf_addf(why, "GET %s: HTTP %ld: %s", path, r->status, ex) ==
           ERR_OK);
    return r->status == 401 || r->status == 403 ? ERR_AUTH : ERR_UNAVAILABLE;
}

/* Did SIASN accept the save whose answer is 'r'? A 2xx with "success":
 * true in a JSON body. */
static bool
accepted(const struct siasn_http_reply *r)
{
    struct json_obj *o = NULL;
    char v[16];
    bool ok = r->status / 100 == 2 &&
              json_obj_parse(r->body.data ? r->body.data : "", &o) == ERR_OK &&
              json_obj_text(o, "success", v, sizeof(v)) &&
              strcmp(v, "true") == 0;
    json_obj_destroy(o);
    return ok;
}

/* Push move 'i' of 'b' unless it was accepted before. */
static enum err
push_one(struct store *st, const struct siasn_client *c,
         const struct siasn_batch *b, size_t i, struct siasn_push_count *n,
         struct buf *why)
{
    const struct siasn_move *m = &b->moves[i];
    struct store_siasn_kirim k;
    bool found = false;
    enum err rc = store_siasn_kirim_get(st, b->plan, m->nip, &k, &found);
    bool done = rc == ERR_OK && found && strcmp(k.status, "terkirim") == 0;
    store_siasn_kirim_cleanup(&k);
    if (rc != ERR_OK || done) {
        n->dilewati += done;
        return rc;
    }
    struct buf body;
    struct siasn_http_reply r;
    buf_init(&body, 0);
    siasn_http_reply_init(&r);
    rc = siasn_out_record(b, i, &body);
    enum err sent =
        rc == ERR_OK ? call(c, "POST", "/jabatan/unorjabatan/save", &body, &r)
                     : rc;
    if (rc == ERR_OK) {
        bool ok = sent == ERR_OK && accepted(&r);
        char *nip = xstrdup(m->nip);
        char *plan = xstrdup(b->plan);
        char *status = xstrdup(ok ? "terkirim" : "gagal");
        char *jawaban =
            sent == ERR_OK ? xstrdup(buf_str(&r.body)) : xstrdup(r.error);
        struct store_siasn_kirim put = {
            plan,    nip, body.data, status, sent == ERR_OK ? r.status : 0,
            jawaban, 0,   NULL};
        rc = store_siasn_kirim_put(st, &put);
        free(nip);
        free(plan);
        free(status);
        if (rc == ERR_OK && ok) {
            n->terkirim++;
        } else if (rc == ERR_OK) {
            char ex[201];
            excerpt(&r, ex);
            n->gagal++;
            if (sent != ERR_OK) {
                (void)(buf_addf(why,
                                L_("%s: tidak ada jawaban: %s\n",
                                   "%s: no answer: %s\n"),
                                m->nip, jawaban) == ERR_OK);
                rc = ERR_UNAVAILABLE;
            } else {
                (void)(buf_addf(why,
                                L_("%s: ditolak (HTTP %ld): %s\n",
                                   "%s: refused (HTTP %ld): %s\n"),
                                m->nip, r.status, ex) == ERR_OK);
            }
        }
        free(jawaban);
    }
    buf_cleanup(&body);
    siasn_http_reply_cleanup(&r);
    return rc;
}

enum err
siasn_push(struct store *st, const struct siasn_client *c, const char *plan,
           struct progress *pr, struct siasn_push_count *n, struct buf *why)
{
    struct siasn_batch b;
    memset(n, 0, sizeof(*n));
    enum err rc = siasn_out_load(st, plan, &b, why);
    for (size_t i = 0; i < b.n_moves && rc == ERR_OK; i++) {
        rc = push_one(st, c, &b, i, n, why);
        progress_set(pr, (int64_t)i + 1, (int64_t)b.n_moves);
    }
    siasn_out_cleanup(&b);
    return rc;
}

/* The headings of data_asn.csv and the keys of SIASN's main data that
 * fill them (NULL: from the position history). */
static const struct {
    const char *heading;
    const char *key;
} asn_keys[] = {
    {"pns_id", "id"},
    {"nip_baru", "nipBaru"},
    {"nama", "nama"},
    {"gelar_depan", "gelarDepan"},
    {"gelar_belakang", "gelarBelakang"},
    {"tempat_lahir_nama", "tempatLahir"},
    {"tanggal_lahir", "tglLahir"},
    {"jenis_kelamin", "jenisKelamin"},
    {"jenis_pegawai_nama", "jenisPegawaiNama"},
    {"kedudukan_hukum_id", "kedudukanPnsId"},
    {"status_cpns_pns", "statusPegawai"},
    {"gol_akhir_id", "golRuangAkhirId"},
    {"gol_akhir_nama", "golRuangAkhir"},
    {"jenis_jabatan_id", "jenisJabatanId"},
    {"jabatan_id", NULL},
    {"jabatan_nama", "jabatanNama"},
    {"tmt_jabatan", NULL},
    {"tingkat_pendidikan_nama", "tkPendidikanTerakhir"},
    {"pendidikan_nama", "pendidikanTerakhirNama"},
    {"unor_id", "unorId"},
    {"unor_nama", "unorNama"},
    {"instansi_induk_id", "instansiIndukId"},
};
#define N_ASN (sizeof(asn_keys) / sizeof(asn_keys[0]))

/* Append 'v' as a quoted CSV field. */
static enum err
csv_field(struct buf *b, const char *v, bool last)
{
    enum err rc = buf_adds(b, "\"");
    for (const char *p = v; *p != '\0' && rc == ERR_OK; p++) {
        rc = buf_add(b, p, 1); /* A quote is doubled. */
        rc = rc == ERR_OK && *p == '"' ? buf_adds(b, "\"") : rc;
    }
    rc = rc == ERR_OK ? buf_adds(b, "\"") : rc;
    return rc == ERR_OK ? buf_adds(b, last ? "\n" : ",") : rc;
}

/* "dd-mm-yyyy" as a sortable number yyyymmdd (0 when not one). */
static long
dmy_key(const char *s)
{
    long v[3] = {0, 0, 0};
    static const int width[3] = {2, 2, 4};
    const char *p = s;
    for (int part = 0; part < 3; part++) {
        for (int i = 0; i < width[part]; i++, p++) {
            if (*p < '0' || *p > '9') {
                return 0;
            }
            v[part] = v[part] * 10 + (*p - '0');
        }
        if (*p != (part < 2 ? '-' : '\0')) {
            return 0;
        }
        p += part < 2;
    }
    return v[2] * 10000L + v[1] * 100L + v[0];
}

/* The position id and TMT of the latest row of history 'rw' into 'id' and
 * 'tmt' (left as they are when none). */
static void
latest_position(const struct json_obj *rw, char *id, char *tmt, size_t len)
{
    static const char *const ids[] = {"jabatanFungsionalId",
                                      "jabatanFungsionalUmumId",
                                      "jabatanStrukturalId", "unorId"};
    long best = -1;
    size_t n = json_obj_len(rw, "data");
    for (size_t i = 0; i < n; i++) {
        struct json_obj *row = json_obj_item(rw, "data", i);
        char t[32] = "";
        char v[128] = "";
        json_obj_text(row, "tmtJabatan", t, sizeof(t));
        long key = dmy_key(t);
        if (key > best) {
            for (size_t k = 0; k < 4 && v[0] == '\0'; k++) {
                json_obj_text(row, ids[k], v, sizeof(v));
            }
            if (v[0] != '\0') {
                best = key;
                snprintf(id, len, "%s", v);
                snprintf(tmt, len, "%s", t);
            }
        }
        json_obj_destroy(row);
    }
}

/* Append the data_asn.csv row of 'nip' to 'csv'. */
static enum err
pull_one(const struct siasn_client *c, const char *nip, struct buf *csv,
         struct buf *why)
{
    struct siasn_http_reply r;
    struct json_obj *main_o = NULL;
    struct json_obj *rw = NULL;
    struct json_where w;
    char path[96];
    siasn_http_reply_init(&r);
    snprintf(path, sizeof(path), "/pns/data-utama/%s", nip);
    enum err rc = siasn_get(c, path, &r, why);
    if (rc == ERR_OK && json_obj_parse(buf_str(&r.body), &main_o) != ERR_OK) {
        (void)(buf_addf(why,
                        L_("GET %s: jawaban bukan objek JSON",
                           "GET %s: the answer is not a JSON object"),
                        path) == ERR_OK);
        rc = ERR_UNAVAILABLE;
    }
    snprintf(path, sizeof(path), "/pns/rw-jabatan/%s", nip);
    rc = rc == ERR_OK ? siasn_get(c, path, &r, why) : rc;
    if (rc == ERR_OK &&
        json_list_parse(r.body.data, r.body.len, &rw, &w) != ERR_OK) {
        (void)(buf_addf(why,
                        L_("GET %s: jawaban bukan daftar JSON: %s",
                           "GET %s: the answer is not a JSON list: %s"),
                        path, w.text) == ERR_OK);
        rc = ERR_UNAVAILABLE;
    }
    if (rc == ERR_OK) {
        struct json_obj *d = json_obj_get_obj(main_o, "data");
        const struct json_obj *src = d != NULL ? d : main_o;
        char id[128] = "";
        char tmt[128] = "";
        latest_position(rw, id, tmt, sizeof(id));
        for (size_t k = 0; k < N_ASN && rc == ERR_OK; k++) {
            char v[1024] = "";
            if (asn_keys[k].key != NULL) {
                json_obj_text(src, asn_keys[k].key, v, sizeof(v));
            } else if (strcmp(asn_keys[k].heading, "jabatan_id") == 0) {
                static const char *const own[] = {"jabatanFungsionalId",
                                                  "jabatanFungsionalUmumId",
                                                  "jabatanStrukturalId"};
                for (size_t i = 0; i < 3 && v[0] == '\0'; i++) {
                    json_obj_text(src, own[i], v, sizeof(v));
                }
                if (v[0] == '\0') {
                    snprintf(v, sizeof(v), "%s", id);
                }
            } else if (!json_obj_text(src, "tmtJabatan", v, sizeof(v)) ||
                       v[0] == '\0') {
                snprintf(v, sizeof(v), "%s", tmt);
            }
            if (k == 1 && v[0] == '\0') {
                snprintf(v, sizeof(v), "%s", nip);
            }
            rc = csv_field(csv, v, k + 1 == N_ASN);
        }
        json_obj_destroy(d);
    }
    json_obj_destroy(main_o);
    json_obj_destroy(rw);
    siasn_http_reply_cleanup(&r);
    return rc;
}

/* Write 'b' to 'dir'/'name' through a temporary name. */
static enum err
write_file(const char *dir, const char *name, const struct buf *b,
           struct buf *why)
{
    char path[4096];
    char tmp[4200];
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    snprintf(tmp, sizeof(tmp), "%s.tmp", path);
    FILE *f = fopen(tmp, "wb");
    bool ok =
        f != NULL && fwrite(b->data ? b->data : "", 1, b->len, f) == b->len;
    ok = f != NULL && fclose(f) == 0 && ok;
    ok = ok && rename(tmp, path) == 0;
    if (!ok) {
        remove(tmp);
        (void)(buf_addf(why, L_("%s tidak dapat ditulis", "cannot write %s"),
                        path) == ERR_OK);
        return ERR_IO;
    }
    return ERR_OK;
}

enum err
siasn_pull(const struct siasn_client *c, const char *dir,
           const char *const *nips, size_t n, struct progress *pr,
           struct siasn_pull_count *out, struct buf *why)
{
    struct siasn_http_reply r;
    struct json_obj *list = NULL;
    struct json_where w;
    struct buf csv;
    memset(out, 0, sizeof(*out));
    siasn_http_reply_init(&r);
    buf_init(&csv, 0);
    if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
        (void)(buf_addf(why,
                        L_("folder %s tidak dapat dibuat: %s",
                           "cannot make folder %s: %s"),
                        dir, strerror(errno)) == ERR_OK);
        siasn_http_reply_cleanup(&r);
        return ERR_IO;
    }
    enum err rc = siasn_get(c, "/referensi/ref-unor", &r, why);
    if (rc == ERR_OK &&
        json_list_parse(r.body.data, r.body.len, &list, &w) != ERR_OK) {
        (void)(buf_addf(why,
                        L_("GET /referensi/ref-unor: jawaban bukan daftar "
                           "JSON: %s",
                           "GET /referensi/ref-unor: the answer is not a "
                           "JSON list: %s"),
                        w.text) == ERR_OK);
        rc = ERR_UNAVAILABLE;
    }
    out->unor = rc == ERR_OK ? (long)json_obj_len(list, "data") : 0;
    for (size_t k = 0; k < N_ASN && rc == ERR_OK; k++) {
        rc = buf_adds(&csv, asn_keys[k].heading);
        rc = rc == ERR_OK ? buf_adds(&csv, k + 1 == N_ASN ? "\n" : ",") : rc;
    }
    for (size_t i = 0; i < n && rc == ERR_OK; i++) {
        rc = pull_one(c, nips[i], &csv, why);
        out->pegawai += rc == ERR_OK;
        progress_set(pr, (int64_t)i + 1, (int64_t)n);
    }
    rc = rc == ERR_OK ? write_file(dir, "ref-unor.json", &r.body, why) : rc;
    rc = rc == ERR_OK ? write_file(dir, "data_asn.csv", &csv, why) : rc;
    json_obj_destroy(list);
    buf_cleanup(&csv);
    siasn_http_reply_cleanup(&r);
    return rc;
}
