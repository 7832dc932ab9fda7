/* SPDX-License-Identifier: MIT */
/* auth: passwords and sessions over libsodium (service layer). */
#include "auth.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "store.h"

/* In the order of their bits (enum auth_role). */
const char *const auth_roles[] = {"pegawai", "kepala_unit", "bkpsdm", "tpk",
                                  "admin",   "ppk",         NULL};

int
auth_role_bit(const char *role)
{
    for (int i = 0; role != NULL && auth_roles[i] != NULL; i++) {
        if (strcmp(role, auth_roles[i]) == 0) {
            return 1 << i;
        }
    }
    return 0;
}

bool
auth_role_ok(const char *role)
{
    for (int i = 0; auth_roles[i] != NULL; i++) {
        if (strcmp(role, auth_roles[i]) == 0) {
            return true;
        }
    }
    return false;
}

enum err
auth_init(void)
{
    return sodium_init() < 0 ? ERR_INTERNAL : ERR_OK;
}

enum err
auth_hash_password(const char *password, char out[AUTH_HASH_MAX])
{
    size_t n = strlen(password);
    if (n < AUTH_PW_MIN || n > AUTH_PW_MAX) {
        return ERR_INVAL;
    }
    /* The interactive limits: about 64 MiB and a fraction of a second. */
    if (crypto_pwhash_str(out, password, n, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        return ERR_INTERNAL; /* Out of memory. */
    }
    return ERR_OK;
}

/* True when 'password' matches 'hash' (constant time). */
static bool
auth_check_password(const char *hash, const char *password)
{
    /* libsodium takes the hash as a crypto_pwhash_STRBYTES array. */
    char h[crypto_pwhash_STRBYTES] = {0};
    size_t n = strlen(password);
    if (strlen(hash) >= sizeof(h) || n > AUTH_PW_MAX) {
        return false;
    }
    memcpy(h, hash, strlen(hash));
    return crypto_pwhash_str_verify(h, password, n) == 0;
}

void
auth_new_password(char out[17])
{
    static const char alphabet[] = "abcdefghijkmnpqrstuvwxyz"
                                   "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    for (int i = 0; i < 16; i++) {
        out[i] = alphabet[randombytes_uniform(sizeof(alphabet) - 1)];
    }
    out[16] = '\0';
}

static void
random_hex(char *out, size_t n_bytes)
{
    unsigned char raw[64];
    randombytes_buf(raw, n_bytes);
    sodium_bin2hex(out, 2 * n_bytes + 1, raw, n_bytes);
}

/* The row of the setting table that holds the database's CSRF key: not
 * in the table of settings (settings.c), so never listed or exported. */
#define CSRF_KEY_ROW "_rahasia_csrf"

/* Make the database's CSRF key if there is none yet, in one transaction
 * so that several servers on one database agree on it. */
static enum err
make_csrf_key(struct store *st, char **hex)
{
    enum err rc = store_begin(st);
    if (rc != ERR_OK) {
        return rc;
    }
    rc = store_setting_get(st, CSRF_KEY_ROW, hex);
    if (rc == ERR_NOTFOUND) {
        char fresh[2 * crypto_auth_KEYBYTES + 1];
        random_hex(fresh, crypto_auth_KEYBYTES);
        rc = store_setting_set(st, CSRF_KEY_ROW, fresh);
        *hex = rc == ERR_OK ? xstrdup(fresh) : NULL;
        sodium_memzero(fresh, sizeof(fresh));
    }
    rc = rc == ERR_OK ? store_commit(st) : rc;
    if (rc != ERR_OK) {
        store_rollback(st);
    }
    return rc;
}

/* The CSRF token of session token 'token': the first 16 bytes of its
 * HMAC-SHA-512-256 (crypto_auth) under the database's key, in hex. It is
 * never stored: a copy of the session table gives no token. */
static enum err
csrf_of(struct store *st, const char *token, char out[AUTH_CSRF_LEN + 1])
{
    unsigned char key[crypto_auth_KEYBYTES];
    unsigned char mac[crypto_auth_BYTES];
    char *hex = NULL;
    size_t n = 0;
    enum err rc = store_setting_get(st, CSRF_KEY_ROW, &hex);
    rc = rc == ERR_NOTFOUND ? make_csrf_key(st, &hex) : rc;
    if (rc == ERR_OK && (sodium_hex2bin(key, sizeof(key), hex, strlen(hex),
                                        NULL, &n, NULL) != 0 ||
                         n != sizeof(key))) {
        rc = ERR_DB; /* The row was changed by hand. */
    }
    if (rc == ERR_OK) {
        crypto_auth(mac, (const unsigned char *)token, strlen(token), key);
        sodium_bin2hex(out, AUTH_CSRF_LEN + 1, mac, AUTH_CSRF_LEN / 2);
    }
    sodium_memzero(key, sizeof(key));
    free(hex);
    return rc;
}

static void
token_hash(const char *token, char out[65])
{
    auth_sha256_hex(token, strlen(token), out);
}

void
auth_wipe(void *p, size_t n)
{
    sodium_memzero(p, n);
}

bool
auth_token_hash(const char *token, char out[65])
{
    if (strlen(token) != AUTH_TOKEN_LEN) {
        return false;
    }
    token_hash(token, out);
    return true;
}

void
auth_sha256_hex(const void *data, size_t len, char out[65])
{
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, data, len);
    sodium_bin2hex(out, 65, h, sizeof(h));
}

bool
auth_equal(const char *a, const char *b)
{
    size_t n = strlen(a);
    return n == strlen(b) && sodium_memcmp(a, b, n) == 0;
}

static void
fill_who(struct auth_who *who, const struct store_user *u, const char *csrf,
         const char *hash)
{
    snprintf(who->login, sizeof(who->login), "%s", u->login);
    snprintf(who->role, sizeof(who->role), "%s", u->role);
    snprintf(who->nip, sizeof(who->nip), "%s", u->nip ? u->nip : "");
    snprintf(who->unit, sizeof(who->unit), "%s", u->unit ? u->unit : "");
    snprintf(who->csrf, sizeof(who->csrf), "%s", csrf);
    snprintf(who->token_hash, sizeof(who->token_hash), "%s", hash);
    who->last_use = 0; /* Set by auth_session(). */
    who->expires = 0;
}

/* A hash to check against when the login is unknown, so that a wrong
 * login takes as long as a wrong password (made once with the interactive
 * limits; its password is thrown away). */
static const char dummy_hash[crypto_pwhash_STRBYTES] =
    "$argon2id$v=19$m=65536,t=2,p=1$zeSzBpSNeoKotROBo+Dzkw$"
    "PYw8AOBGwY+fjbn1MOI/w578GkpRn+9Bh8P0tXU+cpY";

enum err
auth_login(struct store *st, const char *login, const char *password,
           int64_t now, char *token, struct auth_who *who)
{
    struct store_user u;
    memset(&u, 0, sizeof(u));
    enum err rc = store_user_get(st, login, &u);
    if (rc == ERR_NOTFOUND) {
        (void)auth_check_password(dummy_hash, password);
        return ERR_NOTFOUND;
    }
    if (rc != ERR_OK) {
        return rc;
    }
    if (!u.aktif || !auth_check_password(u.password_hash, password)) {
        store_user_cleanup(&u);
        return ERR_NOTFOUND;
    }
    char csrf[AUTH_CSRF_LEN + 1];
    char hash[65];
    random_hex(token, AUTH_TOKEN_LEN / 2);
    token_hash(token, hash);
    /* The session row keeps "" for the CSRF token: it is derived. */
    struct store_session s = {hash, u.login, "", now, now};
    rc = csrf_of(st, token, csrf);
    rc = rc == ERR_OK ? store_session_add(st, &s) : rc;
    if (rc == ERR_OK) {
        fill_who(who, &u, csrf, hash);
    }
    store_user_cleanup(&u);
    return rc;
}

enum err
auth_session(struct store *st, const char *token, int64_t now,
             const struct auth_limits *lim, struct auth_who *who)
{
    char hash[65];
    if (strlen(token) != AUTH_TOKEN_LEN) {
        return ERR_NOTFOUND;
    }
    token_hash(token, hash);
    struct store_session s;
    struct store_user u;
    int64_t last = 0;
    memset(&s, 0, sizeof(s));
    memset(&u, 0, sizeof(u));
    enum err rc = store_session_get(st, hash, &s, &u);
    if (rc != ERR_OK) {
        return rc;
    }
    bool expired = now - s.terakhir > lim->idle || now - s.dibuat > lim->max;
    if (expired || !u.aktif) {
        rc = store_session_delete(st, hash);
        rc = rc == ERR_OK ? ERR_NOTFOUND : rc;
    } else {
        char csrf[AUTH_CSRF_LEN + 1];
        rc = csrf_of(st, token, csrf);
        fill_who(who, &u, rc == ERR_OK ? csrf : "", hash);
        /* Writing the last use on every request would serialise readers:
         * once a minute is precise enough for expiry in minutes. */
        last = s.terakhir;
        if (rc == ERR_OK && now - s.terakhir >= 60) {
            rc = store_session_touch(st, hash, now);
            last = now;
        }
        int64_t idle_end = last + lim->idle;
        int64_t max_end = s.dibuat + lim->max;
        who->last_use = last;
        who->expires = idle_end < max_end ? idle_end : max_end;
    }
    store_session_cleanup(&s);
    store_user_cleanup(&u);
    return rc;
}

enum err
auth_logout(struct store *st, const struct auth_who *who)
{
    return store_session_delete(st, who->token_hash);
}

/* Log the account change 'a' and commit, or roll back when 'rc' (the
 * change's result) or either step fails. */
static enum err
audit_commit(struct store *st, enum err rc, const struct store_audit *a)
{
    rc = rc == ERR_OK ? store_audit_add(st, a) : rc;
    rc = rc == ERR_OK ? store_commit(st) : rc;
    if (rc != ERR_OK) {
        store_rollback(st);
    }
    return rc;
}

enum err
auth_user_add(struct store *st, const char *actor, const struct store_user *u,
              const char *password)
{
    char hash[AUTH_HASH_MAX];
    char after[64];
    if (!auth_role_ok(u->role)) {
        return ERR_INVAL;
    }
    enum err rc = auth_hash_password(password, hash);
    if (rc != ERR_OK) {
        return rc;
    }
    struct store_user v = *u;
    v.password_hash = hash;
    snprintf(after, sizeof(after), "{\"role\":\"%s\"}", u->role);
    struct store_audit a = {actor, "user", u->login, "tambah", NULL, after};
    rc = store_begin(st);
    return rc == ERR_OK ? audit_commit(st, store_user_add(st, &v), &a) : rc;
}

enum err
auth_user_passwd(struct store *st, const char *actor, const char *login,
                 const char *password)
{
    char hash[AUTH_HASH_MAX];
    enum err rc = auth_hash_password(password, hash);
    if (rc != ERR_OK) {
        return rc;
    }
    struct store_audit a = {actor, "user", login, "ganti_sandi", NULL, NULL};
    rc = store_begin(st);
    return rc == ERR_OK
               ? audit_commit(st, store_user_set_password(st, login, hash), &a)
               : rc;
}

enum err
auth_user_set_active(struct store *st, const char *actor, const char *login,
                     bool aktif)
{
    struct store_audit a = {
        actor, "user", login, aktif ? "aktifkan" : "nonaktifkan", NULL, NULL};
    enum err rc = store_begin(st);
    return rc == ERR_OK
               ? audit_commit(st, store_user_set_active(st, login, aktif), &a)
               : rc;
}

char *
auth_base64_encode(const void *data, size_t len)
{
    size_t n = sodium_base64_ENCODED_LEN(len, sodium_base64_VARIANT_ORIGINAL);
    char *out = xmalloc(n);
    sodium_bin2base64(out, n, data, len, sodium_base64_VARIANT_ORIGINAL);
    return out;
}

enum err
auth_base64_decode(const char *text, unsigned char **out, size_t *out_len)
{
    size_t n = strlen(text);
    unsigned char *bin = xmalloc(n / 4 * 3 + 3);
    size_t got = 0;
    if (sodium_base642bin(bin, n / 4 * 3 + 3, text, n, " \t\r\n", &got, NULL,
                          sodium_base64_VARIANT_ORIGINAL) != 0) {
        free(bin);
        return ERR_INVAL;
    }
    *out = bin;
    *out_len = got;
    return ERR_OK;
}
