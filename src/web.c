/* SPDX-License-Identifier: MIT */
/* web: the libmicrohttpd adapter (web layer); see web.h. */
#include "web.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "mem.h"
#include "store.h"
#include "web_assets.h"

#define THROTTLE_SLOTS 4096 /* Distinct keys remembered at once. */
#define CACHE_SLOTS    64   /* Answers kept per database handle. */
/* The app's own page: its scripts, styles and pictures from this server
 * only; Chart.js draws on canvases and needs no inline style or script. */
#define WEB_APP_CSP                                                        \
    "default-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " \
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"

struct cache_entry {
    char *key;
    uint64_t version;
    struct buf body;
    uint64_t used; /* For eviction: the least recently used goes. */
};

struct cache {
    struct cache_entry e[CACHE_SLOTS];
    uint64_t clock;
};

struct throttle_slot {
    char key[80];
    int count;
    int64_t first; /* Time of the first failure counted. */
};

struct web {
    struct MHD_Daemon *d;
    struct web_config cfg;
    int port;
    struct store **all; /* Every database handle, by slot. */
    int *free_slots;    /* Slots of the free handles. */
    int n_free;
    int n_pool;
    struct cache *caches; /* Per slot: used by one request at a time. */
    pthread_mutex_t lock; /* Guards the pool and the throttle. */
    pthread_cond_t freed;
    struct throttle_slot *slots;
};

/* What MHD's repeated callbacks for one request gather. */
struct web_conn {
    struct MHD_Connection *c;
    struct buf body;
    bool too_big;
    bool answered; /* A response is queued (413 before the body). */
};

static int
pool_take(struct web *w)
{
    pthread_mutex_lock(&w->lock);
    while (w->n_free == 0) {
        pthread_cond_wait(&w->freed, &w->lock);
    }
    int slot = w->free_slots[--w->n_free];
    pthread_mutex_unlock(&w->lock);
    return slot;
}

static void
pool_give(struct web *w, int slot)
{
    pthread_mutex_lock(&w->lock);
    w->free_slots[w->n_free++] = slot;
    pthread_cond_signal(&w->freed);
    pthread_mutex_unlock(&w->lock);
}

static void
add_headers(struct MHD_Response *r, const struct web_resp *out)
{
    static const char *const h[][2] = {
        {"Content-Security-Policy",
         "default-src 'self'; frame-ancestors 'none'; base-uri 'none'"},
        {"X-Frame-Options", "DENY"},
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "no-referrer"},
        {"Cache-Control", "no-store"},
    };
    for (size_t i = 0; i < sizeof(h) / sizeof(h[0]); i++) {
        MHD_add_response_header(r, h[i][0], h[i][1]);
    }
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE,
                            out->content_type ? out->content_type
                                              : "application/json");
    if (out->set_cookie[0] != '\0') {
        MHD_add_response_header(r, MHD_HTTP_HEADER_SET_COOKIE, out->set_cookie);
    }
    if (out->status == 503) {
        /* The store was busy (a long import): worth trying again soon. */
        MHD_add_response_header(r, MHD_HTTP_HEADER_RETRY_AFTER, "5");
    }
}

static enum MHD_Result
respond(struct MHD_Connection *c, struct web_resp *out)
{
    size_t len = out->body.len;
    char *data = buf_take(&out->body);
    struct MHD_Response *r =
        MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE);
    if (r == NULL) {
        free(data);
        return MHD_NO;
    }
    add_headers(r, out);
    enum MHD_Result ok = MHD_queue_response(c, (unsigned)out->status, r);
    MHD_destroy_response(r);
    return ok;
}

static void
error_body(struct web_resp *out, int status, const char *code,
           const char *message)
{
    out->status = status;
    buf_reset(&out->body);
    if (buf_addf(&out->body, "{\"error\":{\"code\":\"%s\",\"message\":\"%s\"}}",
                 code, message) != ERR_OK) {
        buf_reset(&out->body);
    }
}

static void
client_text(struct MHD_Connection *c, char *out, size_t len)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    snprintf(out, len, "?");
    if (ci == NULL || ci->client_addr == NULL) {
        return;
    }
    const struct sockaddr *sa = ci->client_addr;
    if (sa->sa_family == AF_INET) {
        const struct sockaddr_in *in =
            (const struct sockaddr_in *)(const void *)sa;
        inet_ntop(AF_INET, &in->sin_addr, out, (socklen_t)len);
    } else if (sa->sa_family == AF_INET6) {
        const struct sockaddr_in6 *in =
            (const struct sockaddr_in6 *)(const void *)sa;
        inet_ntop(AF_INET6, &in->sin6_addr, out, (socklen_t)len);
    }
}

/* Does the client accept a gzip body? (A plain substring test: a client
 * that lists "gzip;q=0" is one no browser is.) */
static bool
accepts_gzip(struct MHD_Connection *c)
{
    const char *ae = MHD_lookup_connection_value(
        c, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT_ENCODING);
    return ae != NULL && strstr(ae, "gzip") != NULL;
}

/* Answer a file of the front end from static memory: "/" is the app's
 * page; a content-hashed asset may be cached for a year, the page must be
 * revalidated (ETag, 304) so that a new build is seen at once. */
static enum MHD_Result
serve_asset(struct MHD_Connection *c, const struct web_asset *a)
{
    const char *inm = MHD_lookup_connection_value(
        c, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_NONE_MATCH);
    bool fresh = inm != NULL && strcmp(inm, a->etag) == 0;
    bool gz = !fresh && a->gz != NULL && accepts_gzip(c);
    const unsigned char *data = fresh ? NULL : gz ? a->gz : a->data;
    size_t len = fresh ? 0 : gz ? a->gz_len : a->len;
    struct MHD_Response *r = MHD_create_response_from_buffer(
        len, (void *)(uintptr_t)data, MHD_RESPMEM_PERSISTENT);
    if (r == NULL) {
        return MHD_NO;
    }
    MHD_add_response_header(r, "Content-Security-Policy", WEB_APP_CSP);
    MHD_add_response_header(r, "X-Frame-Options", "DENY");
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL,
                            a->immutable ? "public, max-age=31536000, immutable"
                                         : "no-cache");
    MHD_add_response_header(r, MHD_HTTP_HEADER_ETAG, a->etag);
    MHD_add_response_header(r, MHD_HTTP_HEADER_VARY, "Accept-Encoding");
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, a->content_type);
    if (gz) {
        MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_ENCODING, "gzip");
    }
    enum MHD_Result ok =
        MHD_queue_response(c, fresh ? MHD_HTTP_NOT_MODIFIED : MHD_HTTP_OK, r);
    MHD_destroy_response(r);
    return ok;
}

/* The whole request is in: hand it to the dispatcher once. */
static enum MHD_Result
serve(struct web *w, struct web_conn *wc, const char *url, const char *method)
{
    struct web_resp out;
    memset(&out, 0, sizeof(out));
    buf_init(&out.body, 0);
    out.status = 200;
    if (wc->answered) {
        return MHD_YES;
    }
    wc->answered = true;
    bool get = strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0;
    const struct web_asset *a =
        get && !wc->too_big
            ? web_assets_find(strcmp(url, "/") == 0 ? "/index.html" : url)
            : NULL;
    if (a != NULL) {
        return serve_asset(wc->c, a);
    }
    if (wc->too_big) {
        error_body(&out, 413, "terlalu_besar", "Isi permintaan terlalu besar.");
        return respond(wc->c, &out);
    }
    char client[64];
    client_text(wc->c, client, sizeof(client));
    struct web_req req;
    memset(&req, 0, sizeof(req));
    req.method = method;
    req.path = url;
    req.body = wc->body.data ? wc->body.data : "";
    req.body_len = wc->body.len;
    req.cookie_token =
        MHD_lookup_connection_value(wc->c, MHD_COOKIE_KIND, WEB_COOKIE_NAME);
    req.csrf =
        MHD_lookup_connection_value(wc->c, MHD_HEADER_KIND, "X-CSRF-Token");
    req.client = client;
    req.now = (int64_t)time(NULL);
    req.web = w;
    req.conn = wc;
    req.slot = pool_take(w);
    req.st = w->all[req.slot];
    enum err rc = w->cfg.dispatch(&req, &out);
    pool_give(w, req.slot);
    if (rc != ERR_OK) {
        /* The dispatcher answers every error it knows; this is the rest. */
        error_body(&out, 500, "internal", "Kesalahan internal.");
    }
    enum MHD_Result ok = respond(wc->c, &out);
    buf_cleanup(&out.body);
    return ok;
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *c, const char *url,
           const char *method, const char *version, const char *upload,
           size_t *upload_size, void **con_cls)
{
    (void)version;
    struct web *w = cls;
    struct web_conn *wc = *con_cls;
    if (wc == NULL) {
        size_t cap =
            w->cfg.body_cap ? w->cfg.body_cap(method, url) : WEB_BODY_MAX;
        wc = xcalloc(1, sizeof(*wc));
        wc->c = c;
        buf_init(&wc->body, cap);
        *con_cls = wc;
        const char *cl = MHD_lookup_connection_value(
            c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (cl != NULL && strtoull(cl, NULL, 10) > cap) {
            wc->too_big = true;
            return serve(w, wc, url, method); /* 413 before the body. */
        }
        return MHD_YES;
    }
    if (*upload_size > 0) {
        if (!wc->too_big &&
            buf_add(&wc->body, upload, *upload_size) != ERR_OK) {
            wc->too_big = true;
        }
        *upload_size = 0;
        return MHD_YES;
    }
    return serve(w, wc, url, method);
}

static void
on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
             enum MHD_RequestTerminationCode toe)
{
    (void)cls;
    (void)c;
    (void)toe;
    struct web_conn *wc = *con_cls;
    if (wc != NULL) {
        buf_cleanup(&wc->body);
        free(wc);
        *con_cls = NULL;
    }
}

static enum err
open_pool(struct web *w, char *why, size_t why_len)
{
    w->n_pool = w->cfg.threads + 1;
    w->all = xcalloc((size_t)w->n_pool, sizeof(struct store *));
    w->free_slots = xcalloc((size_t)w->n_pool, sizeof(int));
    w->caches = xcalloc((size_t)w->n_pool, sizeof(struct cache));
    for (int i = 0; i < w->n_pool; i++) {
        struct store *st = NULL;
        enum err rc = store_open(w->cfg.db, false, &st);
        rc = rc == ERR_OK ? store_check_schema(st) : rc;
        if (rc != ERR_OK) {
            snprintf(why, why_len, "%s", store_errmsg(st));
            store_close(st);
            return rc;
        }
        if (w->cfg.busy_ms > 0) {
            store_busy_timeout(st, w->cfg.busy_ms);
        }
        w->all[i] = st;
        w->free_slots[w->n_free++] = i;
    }
    return ERR_OK;
}

enum err
web_start(const struct web_config *cfg, char *why, size_t why_len,
          struct web **out)
{
    struct web *w = xcalloc(1, sizeof(*w));
    w->cfg = *cfg;
    if (w->cfg.threads < 1) {
        w->cfg.threads = 1;
    }
    pthread_mutex_init(&w->lock, NULL);
    pthread_cond_init(&w->freed, NULL);
    w->slots = xcalloc(THROTTLE_SLOTS, sizeof(*w->slots));
    enum err rc = open_pool(w, why, why_len);
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof(sa));
    sa.sin_family = AF_INET;
    sa.sin_port = htons((uint16_t)cfg->port);
    if (rc == ERR_OK && inet_pton(AF_INET, cfg->address, &sa.sin_addr) != 1) {
        snprintf(why, why_len, "bad address %s", cfg->address);
        rc = ERR_USAGE;
    }
    if (rc == ERR_OK) {
        w->d = MHD_start_daemon(
            MHD_USE_EPOLL_INTERNAL_THREAD, (uint16_t)cfg->port, NULL, NULL,
            on_request, w, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
            MHD_OPTION_THREAD_POOL_SIZE, (unsigned)w->cfg.threads,
            MHD_OPTION_NOTIFY_COMPLETED, on_completed, w,
            MHD_OPTION_CONNECTION_TIMEOUT, 30u, MHD_OPTION_END);
        if (w->d == NULL) {
            snprintf(why, why_len, "cannot listen on %s:%d", cfg->address,
                     cfg->port);
            rc = ERR_IO;
        }
    }
    if (rc != ERR_OK) {
        web_stop(w);
        return rc;
    }
    const union MHD_DaemonInfo *di =
        MHD_get_daemon_info(w->d, MHD_DAEMON_INFO_BIND_PORT);
    w->port = di ? di->port : cfg->port;
    *out = w;
    return ERR_OK;
}

int
web_port(const struct web *w)
{
    return w->port;
}

bool
web_secure_cookie(const struct web *w)
{
    return w->cfg.secure_cookie;
}

void
web_stop(struct web *w)
{
    if (w == NULL) {
        return;
    }
    if (w->d != NULL) {
        MHD_stop_daemon(w->d);
    }
    for (int i = 0; w->all != NULL && i < w->n_pool; i++) {
        store_close(w->all[i]);
        for (int k = 0; k < CACHE_SLOTS; k++) {
            free(w->caches[i].e[k].key);
            buf_cleanup(&w->caches[i].e[k].body);
        }
    }
    free(w->all);
    free(w->free_slots);
    free(w->caches);
    free(w->slots);
    pthread_mutex_destroy(&w->lock);
    pthread_cond_destroy(&w->freed);
    free(w);
}

const char *
web_query(const struct web_req *r, const char *key)
{
    return MHD_lookup_connection_value(r->conn->c, MHD_GET_ARGUMENT_KIND, key);
}

static uint32_t
hash_key(const char *s)
{
    uint32_t h = 2166136261u; /* FNV-1a. */
    for (; *s != '\0'; s++) {
        h = (h ^ (unsigned char)*s) * 16777619u;
    }
    return h;
}

/* The slot of 'key' (a colliding key takes it over: the throttle errs on
 * forgetting, never on locking out the wrong person for long). */
static struct throttle_slot *
slot_of(struct web *w, const char *key)
{
    struct throttle_slot *s = &w->slots[hash_key(key) % THROTTLE_SLOTS];
    if (strncmp(s->key, key, sizeof(s->key)) != 0) {
        memset(s, 0, sizeof(*s));
        snprintf(s->key, sizeof(s->key), "%s", key);
    }
    return s;
}

bool
web_throttled(const struct web_req *r, const char *key, int limit,
              int64_t window)
{
    struct web *w = r->web;
    pthread_mutex_lock(&w->lock);
    struct throttle_slot *s = slot_of(w, key);
    if (s->count > 0 && r->now - s->first > window) {
        s->count = 0;
    }
    bool hit = s->count >= limit;
    pthread_mutex_unlock(&w->lock);
    return hit;
}

void
web_throttle_note(const struct web_req *r, const char *key, bool failed)
{
    struct web *w = r->web;
    pthread_mutex_lock(&w->lock);
    struct throttle_slot *s = slot_of(w, key);
    if (!failed) {
        s->count = 0;
    } else if (s->count++ == 0) {
        s->first = r->now;
    }
    pthread_mutex_unlock(&w->lock);
}

struct query_ctx {
    struct buf *out;
    enum err rc;
};

static enum MHD_Result
add_arg(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    (void)kind;
    struct query_ctx *q = cls;
    if (q->rc == ERR_OK) {
        q->rc = buf_addf(q->out, "%s%s=%s", q->out->len ? "&" : "", key,
                         value ? value : "");
    }
    return MHD_YES;
}

enum err
web_query_string(const struct web_req *r, struct buf *out)
{
    struct query_ctx q = {out, ERR_OK};
    MHD_get_connection_values(r->conn->c, MHD_GET_ARGUMENT_KIND, add_arg, &q);
    return q.rc;
}

bool
web_cache_find(const struct web_req *r, const char *key, uint64_t version,
               struct buf *out)
{
    struct cache *c = &r->web->caches[r->slot];
    for (int k = 0; k < CACHE_SLOTS; k++) {
        struct cache_entry *e = &c->e[k];
        if (e->key != NULL && e->version == version &&
            strcmp(e->key, key) == 0) {
            e->used = ++c->clock;
            buf_reset(out);
            return buf_add(out, e->body.data ? e->body.data : "",
                           e->body.len) == ERR_OK;
        }
    }
    return false;
}

void
web_cache_keep(const struct web_req *r, const char *key, uint64_t version,
               const struct buf *body)
{
    struct cache *c = &r->web->caches[r->slot];
    struct cache_entry *victim = &c->e[0];
    for (int k = 0; k < CACHE_SLOTS; k++) {
        struct cache_entry *e = &c->e[k];
        if (e->key == NULL || e->version != version ||
            strcmp(e->key, key) == 0) {
            victim = e; /* Empty, stale or the same key. */
            break;
        }
        if (e->used < victim->used) {
            victim = e;
        }
    }
    free(victim->key);
    buf_cleanup(&victim->body);
    victim->key = xstrdup(key);
    victim->version = version;
    buf_init(&victim->body, 0);
    if (buf_add(&victim->body, body->data ? body->data : "", body->len) !=
        ERR_OK) {
        free(victim->key);
        victim->key = NULL;
    }
    victim->used = ++c->clock;
}
