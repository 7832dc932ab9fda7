/* SPDX-License-Identifier: MIT */
/* web: the HTTP server (web layer) over libmicrohttpd, the only module
 * that includes <microhttpd.h>: an epoll thread pool, one capped body per
 * request gathered from MHD's callbacks, a database handle per request
 * from a pool, security headers on every answer, the caps on connections
 * and bodies. The login throttle (web_throttle.c) keeps its counts in
 * the database, shared by every server.
 * Handlers never see MHD: they get a struct web_req and fill a struct
 * web_resp (web_routes.c dispatches). */
#ifndef MUTASI_WEB_H
#define MUTASI_WEB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "err.h"
#include "module.h"

struct json_obj;

struct web;
struct web_conn;
struct store;
struct auth_who;
struct kelayakan;

#define WEB_BODY_MAX    ((size_t)1 << 20) /* A JSON body (413 past it). */
#define WEB_COOKIE_NAME "mutasi_sesi"
#define WEB_PARAMS_MAX  4 /* Path parameters of one route. */

/* One request, borrowed for the handler's call. */
struct web_req {
    const char *method; /* "GET", "POST", ... */
    const char *path;   /* Decoded, without the query. */
    const char *body;   /* NUL-terminated; "" when none. */
    size_t body_len;
    const char *cookie_token; /* The session cookie, or NULL. */
    const char *csrf;         /* The X-CSRF-Token header, or NULL. */
    const char *client;       /* The client's address as text. */
    const char *origin;       /* The Origin header, or NULL. */
    const char *host;         /* The Host header, or NULL. */
    const char *fetch_site;   /* The Sec-Fetch-Site header, or NULL. */
    int64_t now;              /* Seconds since 1970 at arrival. */
    struct store *st;         /* A database handle for this request. */
    int slot;                 /* Its place in the pool (for the cache). */
    struct web *web;
    struct web_conn *conn;
    const char *params[WEB_PARAMS_MAX]; /* Captured path segments. */
    int n_params;
};

/* The answer a handler fills: 'status' and a JSON body by default. */
struct web_resp {
    int status;
    struct buf body;
    const char *content_type; /* Static; "application/json" default. */
    char set_cookie[256];     /* A Set-Cookie value, or "". */
    char nips[8192];          /* NIPs an error names, ','-joined, or "". */
    int retry_after;          /* Seconds for a Retry-After header, or 0. */
    char disposition[160];    /* A Content-Disposition value, or "". */
    char actor[65];           /* Who asked (login), for the access log. */
    char cause[256];          /* Why a 5xx happened, for the error log. */
};

typedef enum err (*web_dispatch_fn)(const struct web_req *, struct web_resp *);

struct web_config {
    const char *db;      /* The database target for the handle pool. */
    const char *address; /* IPv4 address to listen on ("127.0.0.1"). */
    int port;            /* 0: any free port (web_port() tells). */
    int threads;         /* Worker threads (and database handles). */
    bool secure_cookie;  /* Add "Secure" (behind HTTPS). */
    web_dispatch_fn dispatch;
    /* The largest body accepted for 'url' (NULL: WEB_BODY_MAX). */
    size_t (*body_cap)(const char *method, const char *url);
    /* Checks a request with a body once its headers are in, before any
     * of the body is read (route, session, role, CSRF): it leaves
     * 'status' 0 to go on, or fills the answer, sent at once on a closed
     * connection. NULL: none. */
    web_dispatch_fn admit;
    int max_conns;        /* Connections at once (0: WEB_CONNS_MAX). */
    int max_conns_per_ip; /* Per client address (0: WEB_CONNS_PER_IP). */
    int header_timeout;   /* Seconds a request's headers may take, however
                           * busy the client (0: WEB_HEADER_TIMEOUT). */
    size_t body_mem_max;  /* Bytes of bodies held at once, over all
                           * connections (0: WEB_BODY_MEM_MAX); past it
                           * 503 with Retry-After. */
    /* How long a request waits for another process's write (a long
     * import) before it answers 503 with Retry-After, in milliseconds;
     * 0: STORE_BUSY_MS. */
    int busy_ms;
    /* The access and error log (one line per request; the cause of each
     * 5xx); NULL: none. web_reopen_log() opens it again. */
    const char *log_path;
    /* The load balancers in front, as IP addresses separated by commas
     * ("10.0.0.2,10.0.0.3"); NULL: none. A request from one of them is
     * the client's named last in X-Forwarded-For that is not itself one
     * of them (a client cannot forge the part a proxy appends); from any
     * other peer the header is ignored. They are also spared the share of
     * connections per address: theirs carry many clients. */
    const char *trusted_proxies;
};

#define WEB_CONNS_MAX      1000
#define WEB_CONNS_PER_IP   64
#define WEB_HEADER_TIMEOUT 10
#define WEB_BODY_MEM_MAX   ((size_t)64 << 20)

/* What a server has seen, for tests and the operator. */
struct web_stats {
    size_t body_mem;      /* Bytes of bodies held now. */
    size_t body_mem_peak; /* The most held at once. */
    long n_cut;           /* Connections closed at their headers' deadline. */
    long n_busy;          /* Answered 503: their address over its share. */
    long n_refused;       /* Refused at accept (twice the share). */
    int n_conns;          /* Connections open now. */
};

/* Start serving 'cfg' into a new '*out'. ERR_IO when the address cannot
 * be bound; ERR_UNAVAILABLE or ERR_DB when the database cannot be
 * opened (the reason in 'why', 'why_len' bytes). */
MUST_USE enum err web_start(const struct web_config *cfg, char *why,
                            size_t why_len, struct web **out);
/* The port 'w' listens on. */
int web_port(const struct web *w);
/* Open the log of 'w' again (after logrotate moved it). ERR_IO when it
 * cannot be: the old file stays in use. */
MUST_USE enum err web_reopen_log(struct web *w);
/* Stop 'w' and free it; accepts NULL. */
void web_stop(struct web *w);
/* The figures of 'w' into 'out'. */
void web_stats_get(struct web *w, struct web_stats *out);
/* True when cookies of 'w' carry "Secure". */
bool web_secure_cookie(const struct web *w);

/* The query argument 'key' of 'r', or NULL. */
const char *web_query(const struct web_req *r, const char *key);

/* The query string of 'r' rebuilt from its arguments ("a=1&b=2", in the
 * order sent), into 'out'. */
MUST_USE enum err web_query_string(const struct web_req *r, struct buf *out);

/* The change generation of 'w', for its caches: it moves after every
 * request that may have written (any method but GET and HEAD), before its
 * answer is sent, and within WATCH_MS (50 ms) of any other commit to the
 * database (another process, another server on the same file, a session's
 * use recorded during a GET), which the server's watchdog sees in the
 * database's data version. A cached answer or session is used only in the
 * generation it was made in. */
uint64_t web_generation(struct web *w);

/* A cache of checked sessions, shared by the threads of 'r->web': the
 * session of 'token_hash' as checked in generation 'gen'. Found only in
 * that generation, while r->now <= who.expires and r->now - who.last_use
 * < 60 (auth.h): a revoked, expired or disabled session, or one whose use
 * is due to be recorded, goes back to the database. */
bool web_session_find(const struct web_req *r, const char *token_hash,
                      uint64_t gen, struct auth_who *out);
void web_session_keep(const struct web_req *r, const struct auth_who *who,
                      uint64_t gen);

/* The eligibility rules (kelayakan.h) as of today, loaded once per
 * generation and shared by the threads of 'r->web': loading them reads
 * the whole planning problem, too much for each request. web_kelayakan()
 * gives a reference, held until web_kelayakan_done(). */
MUST_USE enum err web_kelayakan(const struct web_req *r,
                                const struct kelayakan **out);
void web_kelayakan_done(const struct web_req *r, const struct kelayakan *k);
/* kelayakan_json() of 'nip' under "kelayakan" in 'o', through the shared
 * rules. */
MUST_USE enum err web_kelayakan_add(const struct web_req *r, const char *nip,
                                    bool tugas_belajar, struct json_obj *o);

/* A cache of answers for the database handle of 'r': 'key' with the
 * server's generation 'version' (web_generation()). web_cache_find()
 * copies a fresh answer into 'out' and returns true; web_cache_keep()
 * stores one. */
bool web_cache_find(const struct web_req *r, const char *key, uint64_t version,
                    struct buf *out);
void web_cache_keep(const struct web_req *r, const char *key, uint64_t version,
                    const struct buf *body);

/* The web module's table (module.h): what 'mutasi serve' calls; the rest of
 * web.h and web_routes.h is the module's own business. */
struct web_module {
    struct module_head head;
    enum err (*start)(const struct web_config *cfg, char *why, size_t why_len,
                      struct web **out);
    int (*port)(const struct web *w);
    enum err (*reopen_log)(struct web *w);
    void (*stop)(struct web *w);
    /* web_routes.h: the application's handlers, for web_config. */
    web_dispatch_fn dispatch;
    web_dispatch_fn admit;
    size_t (*body_cap)(const char *method, const char *url);
};

#endif
