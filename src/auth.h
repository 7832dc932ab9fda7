/* SPDX-License-Identifier: MIT */
/* auth: accounts and sessions (service layer): argon2id password hashes
 * (libsodium's crypto_pwhash_str), 256-bit random session tokens stored
 * only as their SHA-256, CSRF tokens derived from them (an HMAC under a
 * key kept in the database), idle and absolute expiry. The only
 * module that includes <sodium.h>. */
#ifndef MUTASI_AUTH_H
#define MUTASI_AUTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

struct store;
struct store_user;

#define AUTH_HASH_MAX  128 /* A password hash string, with its NUL. */
#define AUTH_TOKEN_LEN 64  /* Hex of 32 random bytes. */
#define AUTH_CSRF_LEN  32  /* Hex of 16 bytes of an HMAC. */
#define AUTH_PW_MIN    10  /* Shortest password accepted. */
#define AUTH_PW_MAX    256 /* Longest password accepted. */

/* The roles of domain.md section 1, as bits: a route or an action names
 * the roles that may take it. */
enum auth_role {
    AUTH_PEGAWAI = 1,
    AUTH_KEPALA = 2,
    AUTH_BKPSDM = 4,
    AUTH_TPK = 8,
    AUTH_ADMIN = 16,
    AUTH_PPK = 32
};
/* The roles' ids, NULL-terminated, in the order of their bits. */
extern const char *const auth_roles[];
/* The bit of role 'role', or 0 for an unknown one. */
int auth_role_bit(const char *role);
/* True when 'role' is one of auth_roles. */
bool auth_role_ok(const char *role);

/* Ready libsodium; ERR_INTERNAL when it cannot start. Call once. */
MUST_USE enum err auth_init(void);
/* Hash 'password' into 'out' (AUTH_HASH_MAX bytes). ERR_INVAL when it is
 * shorter than AUTH_PW_MIN or longer than AUTH_PW_MAX bytes. */
MUST_USE enum err auth_hash_password(const char *password,
                                     char out[AUTH_HASH_MAX]);
/* A new random password of 16 letters and digits into 'out' (17 bytes). */
void auth_new_password(char out[17]);

/* 'len' bytes at 'data' as base64 text (standard alphabet, padded); the
 * caller frees it. */
char *auth_base64_encode(const void *data, size_t len);
/* Decode the base64 text 'text' into a new buffer '*out' of '*out_len'
 * bytes (the caller frees it). ERR_INVAL when it is not base64. */
MUST_USE enum err auth_base64_decode(const char *text, unsigned char **out,
                                     size_t *out_len);

/* Who a session belongs to, as the API's /api/me shows it. */
struct auth_who {
    char login[65];
    char role[16];
    char nip[19];  /* "" when none. */
    char unit[65]; /* "" when none. */
    char csrf[AUTH_CSRF_LEN + 1];
    char token_hash[65];
    /* Set by auth_session(): seconds since 1970 of the session's last
     * recorded use and of its expiry as of that use (the earlier of the
     * idle and the absolute limit). A cache of sessions may answer for
     * the database while now <= expires and now - last_use < 60 (the
     * interval at which a use is written), and nothing was revoked. */
    int64_t last_use;
    int64_t expires;
};

/* Limits of sessions, in seconds. */
struct auth_limits {
    int64_t idle; /* Idle expiry (setting sesi_menit). */
    int64_t max;  /* Absolute expiry. */
};

/* Log 'login' in with 'password' at 'now': on success a new session is
 * stored and its cookie token written to 'token' (AUTH_TOKEN_LEN + 1
 * bytes) and '*who' filled. ERR_NOTFOUND for a wrong login or password
 * or a disabled account (one answer, so that logins cannot be probed). */
MUST_USE enum err auth_login(struct store *st, const char *login,
                             const char *password, int64_t now, char *token,
                             struct auth_who *who);
/* The session of cookie token 'token' at 'now' into '*who', its last use
 * moved to 'now'. ERR_NOTFOUND when there is none, it expired (then it is
 * deleted) or its account is disabled. */
MUST_USE enum err auth_session(struct store *st, const char *token, int64_t now,
                               const struct auth_limits *lim,
                               struct auth_who *who);
/* Overwrite 'n' bytes at 'p' with zeros, in a way the compiler keeps (for
 * memory that held sessions or keys). */
void auth_wipe(void *p, size_t n);
/* The hash of the cookie token 'token' under which its session is kept,
 * into 'out'; false when 'token' cannot be a token (wrong length). */
bool auth_token_hash(const char *token, char out[65]);
/* End the session of 'who'. */
MUST_USE enum err auth_logout(struct store *st, const struct auth_who *who);

/* Account changes, shared by 'mutasi user' and the API: each runs in one
 * transaction of its own with an audit entry (entity "user", by 'actor');
 * no password or hash reaches the log. */

/* Add account 'u' (its 'password_hash' is ignored) with 'password'.
 * ERR_INVAL for an unknown role or a password shorter than AUTH_PW_MIN or
 * longer than AUTH_PW_MAX bytes; ERR_EXISTS when the login is taken. */
MUST_USE enum err auth_user_add(struct store *st, const char *actor,
                                const struct store_user *u,
                                const char *password);
/* Give 'login' the password 'password', ending every session of the
 * account. ERR_INVAL as auth_user_add(); ERR_NOTFOUND for no account. */
MUST_USE enum err auth_user_passwd(struct store *st, const char *actor,
                                   const char *login, const char *password);
/* Enable or disable 'login'; disabling ends its sessions. ERR_NOTFOUND
 * when there is no such account. */
MUST_USE enum err auth_user_set_active(struct store *st, const char *actor,
                                       const char *login, bool aktif);
/* The SHA-256 of the 'len' bytes at 'data' in hex into 'out'. */
void auth_sha256_hex(const void *data, size_t len, char out[65]);
/* True when 'a' and 'b' are equal, in time that depends only on their
 * lengths. */
bool auth_equal(const char *a, const char *b);

#endif
