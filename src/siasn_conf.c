/* SPDX-License-Identifier: MIT */
/* siasn_conf: the API client's settings file (io layer). */
#include "siasn_conf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "mem.h"

#define MAX_CONF_BYTES ((size_t)64 * 1024)

enum key_kind { KEY_URL, KEY_TEXT, KEY_SECRET, KEY_SECONDS };

struct key_spec {
    const char *name;
    size_t offset; /* Of the char * in struct siasn_conf. */
    enum key_kind kind;
};

static const struct key_spec keys[] = {
    {"base_url", offsetof(struct siasn_conf, base_url), KEY_URL},
    {"token_url", offsetof(struct siasn_conf, token_url), KEY_URL},
    {"client_id", offsetof(struct siasn_conf, client_id), KEY_TEXT},
    {"client_secret", offsetof(struct siasn_conf, client_secret), KEY_SECRET},
    {"sso_url", offsetof(struct siasn_conf, sso_url), KEY_URL},
    {"sso_client_id", offsetof(struct siasn_conf, sso_client_id), KEY_TEXT},
    {"username", offsetof(struct siasn_conf, username), KEY_TEXT},
    {"password", offsetof(struct siasn_conf, password), KEY_SECRET},
    {"timeout", 0, KEY_SECONDS},
};
#define N_KEYS (sizeof(keys) / sizeof(keys[0]))

static char **
slot(struct siasn_conf *c, const struct key_spec *k)
{
    return (char **)(void *)((char *)c + k->offset);
}

static bool
is_space(char ch)
{
    return ch == ' ' || ch == '\t';
}

/* Check and store 'v' ('n' bytes) for key 'k' found at 'line':'col'. */
static void
set_value(struct siasn_conf *c, const struct key_spec *k, const char *v,
          size_t n, const char *file, long line, int col, struct diag *d)
{
    if (n == 0) {
        diag_add(d, file, line, col, L_("nilai %s kosong", "empty value of %s"),
                 k->name);
        return;
    }
    if (k->kind == KEY_SECONDS) {
        long s = 0;
        size_t i = 0;
        for (; i < n && v[i] >= '0' && v[i] <= '9' && s <= 600; i++) {
            s = s * 10 + (v[i] - '0');
        }
        if (i != n || s < 1 || s > 600) {
            diag_add(d, file, line, col,
                     L_("timeout harus bilangan detik 1..600",
                        "timeout must be a whole number of seconds 1..600"));
            return;
        }
        c->timeout = s;
        return;
    }
    if (k->kind == KEY_URL) {
        bool http = n > 7 && strncmp(v, "http://", 7) == 0;
        bool https = n > 8 && strncmp(v, "https://", 8) == 0;
        bool blank = false;
        for (size_t i = 0; i < n; i++) {
            blank = blank || is_space(v[i]);
        }
        if ((!http && !https) || blank) {
            diag_add(d, file, line, col,
                     L_("%s harus alamat http:// atau https:// tanpa spasi",
                        "%s must be an http:// or https:// address without "
                        "spaces"),
                     k->name);
            return;
        }
        while (k->offset == offsetof(struct siasn_conf, base_url) && n > 0 &&
               v[n - 1] == '/') {
            n--;
        }
    }
    char **s = slot(c, k);
    *s = xmalloc(n + 1);
    memcpy(*s, v, n);
    (*s)[n] = '\0';
}

/* Parse one line 'p' ('n' bytes, no newline) numbered 'line'; 'seen'
 * marks the keys given so far. */
static void
parse_line(struct siasn_conf *c, const char *p, size_t n, const char *file,
           long line, bool *seen, struct diag *d)
{
    size_t i = 0;
    while (i < n && is_space(p[i])) {
        i++;
    }
    if (i == n || p[i] == '#') {
        return;
    }
    size_t key_at = i;
    while (i < n && p[i] != '=' && !is_space(p[i])) {
        i++;
    }
    size_t key_len = i - key_at;
    while (i < n && is_space(p[i])) {
        i++;
    }
    if (i == n || p[i] != '=') {
        diag_add(d, file, line, (int)i + 1,
                 L_("diharapkan 'kunci = nilai'", "expected 'key = value'"));
        return;
    }
    const struct key_spec *k = NULL;
    size_t ki = 0;
    for (; ki < N_KEYS; ki++) {
        if (strlen(keys[ki].name) == key_len &&
            memcmp(keys[ki].name, p + key_at, key_len) == 0) {
            k = &keys[ki];
            break;
        }
    }
    if (k == NULL) {
        diag_add(d, file, line, (int)key_at + 1,
                 L_("kunci '%.*s' tidak dikenal", "unknown key '%.*s'"),
                 (int)(key_len > 64 ? 64 : key_len), p + key_at);
        return;
    }
    if (seen[ki]) {
        diag_add(d, file, line, (int)key_at + 1,
                 L_("kunci %s diberikan dua kali", "key %s given twice"),
                 k->name);
        return;
    }
    seen[ki] = true;
    i++;
    while (i < n && is_space(p[i])) {
        i++;
    }
    size_t end = n;
    while (end > i && is_space(p[end - 1])) {
        end--;
    }
    int col = (int)i + 1;
    if (end - i >= 2 && p[i] == '"' && p[end - 1] == '"') {
        i++;
        end--;
    } else if (end > i && p[i] == '"') {
        diag_add(d, file, line, col,
                 L_("tanda kutip tidak ditutup", "unterminated quote"));
        return;
    }
    set_value(c, k, p + i, end - i, file, line, col, d);
}

enum err
siasn_conf_parse(const char *file, const char *text, size_t len,
                 struct siasn_conf *out, struct diag *d)
{
    bool seen[N_KEYS] = {false};
    size_t before = d->n_errors;
    memset(out, 0, sizeof(*out));
    out->timeout = 30;
    long line = 1;
    size_t at = 0;
    while (at < len) {
        size_t end = at;
        while (end < len && text[end] != '\n') {
            end++;
        }
        size_t n = end - at;
        if (n > 0 && text[at + n - 1] == '\r') {
            n--;
        }
        size_t bad = 0;
        for (; bad < n; bad++) {
            unsigned char ch = (unsigned char)text[at + bad];
            if ((ch < 0x20 && ch != '\t') || ch == 0x7f) {
                break;
            }
        }
        if (bad < n) {
            diag_add(d, file, line, (int)bad + 1,
                     L_("karakter kendali 0x%02x", "control character 0x%02x"),
                     (unsigned)(unsigned char)text[at + bad]);
        } else {
            parse_line(out, text + at, n, file, line, seen, d);
        }
        at = end + 1;
        line++;
    }
    for (size_t k = 0; k < N_KEYS; k++) {
        if (!seen[k] && keys[k].kind != KEY_SECONDS) {
            diag_add(d, file, 0, 0, L_("kunci %s tidak ada", "key %s missing"),
                     keys[k].name);
        }
    }
    return d->n_errors == before ? ERR_OK : ERR_INVAL;
}

enum err
siasn_conf_load(const char *path, struct siasn_conf *out, struct diag *d)
{
    memset(out, 0, sizeof(*out));
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return ERR_NOINPUT;
    }
    struct buf b;
    buf_init(&b, MAX_CONF_BYTES);
    char chunk[4096];
    size_t n = 0;
    enum err rc = ERR_OK;
    while (rc == ERR_OK && (n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
        rc = buf_add(&b, chunk, n);
    }
    if (rc == ERR_OK && ferror(f)) {
        rc = ERR_NOINPUT;
    }
    fclose(f);
    if (rc == ERR_TOOBIG) {
        diag_add(d, path, 0, 0,
                 L_("berkas lebih dari 64 KiB", "file larger than 64 KiB"));
        rc = ERR_INVAL;
    }
    rc = rc == ERR_OK
             ? siasn_conf_parse(path, b.data ? b.data : "", b.len, out, d)
             : rc;
    if (b.data != NULL) {
        memset(b.data, 0, b.len);
    }
    buf_cleanup(&b);
    return rc;
}

/* Wipe and free '*s'. */
static void
wipe(char **s)
{
    if (*s != NULL) {
        volatile char *p = *s;
        while (*p != '\0') {
            *p++ = '\0';
        }
        free(*s);
        *s = NULL;
    }
}

void
siasn_conf_cleanup(struct siasn_conf *c)
{
    for (size_t k = 0; k < N_KEYS; k++) {
        if (keys[k].kind != KEY_SECONDS) {
            wipe(slot(c, &keys[k]));
        }
    }
}
