/* SPDX-License-Identifier: MIT */
/* web: the libmicrohttpd adapter (web layer); see web.h. */
#include "web.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "auth.h"
#include "date.h"
#include "diag.h"
#include "kelayakan.h"
#include "map.h"
#include "mem.h"
#include "store.h"
#include "web_assets.h"
#include "web_log.h"

#define WEB_PAGE_CACHE_KIB 16384 /* SQLite pages per handle: 16 MiB. */
#define CACHE_SLOTS        64    /* Answers kept per database handle. */
#define SWEEP_MIN          1024  /* Addresses before those unused are swept. */
#define WATCH_MS                                                         \
    50                     /* How often the deadlines and the database's \
                            * data version are looked at. */
#define SESSION_SLOTS 1024 /* Sessions kept (by their hash). */
#define BUSY_RETRY    5    /* Retry-After of a 503 (seconds). */
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

/* The eligibility rules of one generation and day, shared. */
struct shared_rules {
    struct kelayakan *k;
    uint64_t gen;
    int32_t day;
    int refs; /* Requests holding it, and 1 while it is the current one. */
    struct shared_rules *next; /* Every set still held, newest first. */
};

/* A session checked against the database in generation 'gen'. */
struct session_entry {
    struct auth_who who; /* who.token_hash is the key; "" when empty. */
    uint64_t gen;
};

/* One TCP connection (MHD's socket context), from accept to close. */
struct conn_rec {
    int fd;
    char addr[64];    /* The client's address as text. */
    int64_t deadline; /* Monotonic ms by which a request's headers must
                       * be in; 0 while a request is being served. */
    long n_requests;  /* Requests begun on this connection. */
    bool over_share;  /* Its address had its share already. */
    bool cut;         /* Closed at its deadline. */
    struct conn_rec *prev;
    struct conn_rec *next;
};

/* Connections open from one address. */
struct addr_count {
    int n;
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
    /* The change generation (web_generation()) and what moves it from
     * outside: the data version of the database seen by 'watch_st'. */
    _Atomic uint64_t gen;
    struct store *watch_st;
    uint64_t watch_version;
    bool watch_known;
    struct session_entry *sessions; /* SESSION_SLOTS, by hash. */
    pthread_mutex_t session_lock;   /* Guards 'sessions'. */
    struct shared_rules *rules;     /* The current rules, or NULL. */
    struct shared_rules *all_rules; /* Those and older ones still held. */
    pthread_mutex_t rules_lock;     /* Guards 'rules' and their counts;
                                     * held while they load. */
    pthread_mutex_t lock;           /* Guards the pool and the body memory. */
    pthread_cond_t freed;
    struct web_log *log; /* Access and error log; NULL: none. */
    size_t body_mem;     /* Bytes of bodies reserved now. */
    size_t body_mem_peak;
    pthread_mutex_t conn_lock; /* Guards what follows. */
    pthread_cond_t tick;       /* Wakes the watchdog (to stop). */
    pthread_t watchdog;
    bool watching;
    bool stopping;
    struct conn_rec *conns;
    struct map per_addr; /* Address -> struct addr_count *. */
    size_t addr_sweep;
    int n_conns;
    long n_cut;
    long n_busy;
    long n_refused;
    char (*proxies)[64]; /* The trusted proxies, as inet_ntop writes them. */
    int n_proxies;
};

/* What MHD's repeated callbacks for one request gather. */
struct web_conn {
    struct MHD_Connection *c;
    struct web *w;
    struct buf body;
    /* For the access log: the request and its answer. */
    char method[12];
    char path[300]; /* With the names of its query arguments only. */
    int64_t start_ms;
    int status;
    size_t bytes;
    char actor[65];
    size_t reserved; /* Bytes of w->body_mem held for this body. */
    bool too_big;
    bool busy;     /* Over the memory of bodies: the body is dropped. */
    bool answered; /* A response is queued (413 before the body). */
};

static int64_t
mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

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
    /* A busy store (a long import) is worth trying again soon. */
    int retry = out->retry_after > 0 ? out->retry_after
                : out->status == 503 ? 5
                                     : 0;
    if (retry > 0) {
        char secs[24];
        snprintf(secs, sizeof(secs), "%d", retry);
        MHD_add_response_header(r, MHD_HTTP_HEADER_RETRY_AFTER, secs);
    }
    if (out->disposition[0] != '\0') {
        MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_DISPOSITION,
                                out->disposition);
    }
}

/* Queue 'out'; with 'close', close the connection after it (an answer
 * before the body, which is never read). */
static enum MHD_Result
send_answer(struct web_conn *wc, struct web_resp *out, bool close)
{
    struct MHD_Connection *c = wc->c;
    size_t len = out->body.len;
    wc->status = out->status;
    wc->bytes = len;
    if (out->actor[0] != '\0') {
        snprintf(wc->actor, sizeof(wc->actor), "%s", out->actor);
    }
    if (out->status >= 500) {
        web_log_line(wc->w->log, "ERROR %s %s %d %s", wc->method, wc->path,
                     out->status,
                     out->cause[0] != '\0' ? out->cause : "(tanpa sebab)");
    }
    char *data = buf_take(&out->body);
    struct MHD_Response *r =
        MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE);
    if (r == NULL) {
        free(data);
        return MHD_NO;
    }
    add_headers(r, out);
    if (close) {
        MHD_add_response_header(r, MHD_HTTP_HEADER_CONNECTION, "close");
    }
    enum MHD_Result ok = MHD_queue_response(c, (unsigned)out->status, r);
    MHD_destroy_response(r);
    return ok;
}

static enum MHD_Result
respond(struct web_conn *wc, struct web_resp *out)
{
    return send_answer(wc, out, false);
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
addr_text(const struct sockaddr *sa, char *out, size_t len)
{
    snprintf(out, len, "?");
    if (sa == NULL) {
        return;
    }
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

static void
peer_text(struct MHD_Connection *c, char *out, size_t len)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    addr_text(ci != NULL ? ci->client_addr : NULL, out, len);
}

/* 'text' ('len' bytes) as an IP address in inet_ntop's form into 'out'
 * (64 bytes); false when it is not one. */
static bool
ip_canonical(const char *text, size_t len, char *out)
{
    char t[64];
    unsigned char bin[16];
    if (len == 0 || len >= sizeof(t)) {
        return false;
    }
    memcpy(t, text, len);
    t[len] = '\0';
    if (inet_pton(AF_INET, t, bin) == 1) {
        return inet_ntop(AF_INET, bin, out, 64) != NULL;
    }
    return inet_pton(AF_INET6, t, bin) == 1 &&
           inet_ntop(AF_INET6, bin, out, 64) != NULL;
}

static bool
is_trusted(const struct web *w, const char *addr)
{
    for (int i = 0; i < w->n_proxies; i++) {
        if (strcmp(w->proxies[i], addr) == 0) {
            return true;
        }
    }
    return false;
}

/* The trusted proxies of w->cfg into w->proxies; false (why) on a word
 * that is not an IP address. */
static bool
parse_proxies(struct web *w, char *why, size_t why_len)
{
    const char *p = w->cfg.trusted_proxies;
    if (p == NULL) {
        return true;
    }
    while (*p != '\0') {
        size_t n = strcspn(p, ", ");
        if (n > 0) {
            char ip[64];
            if (!ip_canonical(p, n, ip)) {
                snprintf(why, why_len,
                         L_("alamat proxy tepercaya tidak sah: %.*s",
                            "bad trusted proxy address %.*s"),
                         (int)(n < 64 ? n : 64), p);
                return false;
            }
            w->proxies = xrealloc(w->proxies, (size_t)(w->n_proxies + 1) *
                                                  sizeof(*w->proxies));
            memcpy(w->proxies[w->n_proxies++], ip, sizeof(ip));
        }
        p += n;
        p += *p != '\0' ? 1 : 0;
    }
    return true;
}

/* The client of connection 'c': its peer, or, when the peer is a trusted
 * proxy, the address named last in X-Forwarded-For that is not itself a
 * trusted proxy (each proxy appends the address it saw; what comes
 * before the first trusted proxy's entry is the client's to forge). A
 * header that is not a list of addresses leaves the peer. */
static void
client_text(const struct web *w, struct MHD_Connection *c, char *out,
            size_t len)
{
    peer_text(c, out, len);
    if (w->n_proxies == 0 || !is_trusted(w, out)) {
        return;
    }
    const char *xff =
        MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Forwarded-For");
    if (xff == NULL) {
        return;
    }
    size_t end = strlen(xff);
    while (end > 0) {
        size_t start = end;
        while (start > 0 && xff[start - 1] != ',') {
            start--;
        }
        size_t a = start;
        size_t b = end;
        while (a < b && xff[a] == ' ') {
            a++;
        }
        while (b > a && xff[b - 1] == ' ') {
            b--;
        }
        char ip[64];
        if (!ip_canonical(xff + a, b - a, ip)) {
            return;
        }
        if (!is_trusted(w, ip)) {
            snprintf(out, len, "%s", ip);
            return;
        }
        end = start > 0 ? start - 1 : 0;
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
serve_asset(struct web_conn *wc, const struct web_asset *a)
{
    struct MHD_Connection *c = wc->c;
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
    wc->status = fresh ? MHD_HTTP_NOT_MODIFIED : MHD_HTTP_OK;
    wc->bytes = len;
    enum MHD_Result ok =
        MHD_queue_response(c, fresh ? MHD_HTTP_NOT_MODIFIED : MHD_HTTP_OK, r);
    MHD_destroy_response(r);
    return ok;
}

/* The request of 'wc' as handlers see it; 'client' holds its address
 * (64 bytes). The caller takes a database handle for it. */
static void
fill_req(struct web *w, struct web_conn *wc, const char *url,
         const char *method, char *client, struct web_req *req)
{
    client_text(w, wc->c, client, 64);
    memset(req, 0, sizeof(*req));
    req->method = method;
    req->path = url;
    req->body = wc->body.data ? wc->body.data : "";
    req->body_len = wc->body.len;
    req->cookie_token =
        MHD_lookup_connection_value(wc->c, MHD_COOKIE_KIND, WEB_COOKIE_NAME);
    req->csrf =
        MHD_lookup_connection_value(wc->c, MHD_HEADER_KIND, "X-CSRF-Token");
    req->origin = MHD_lookup_connection_value(wc->c, MHD_HEADER_KIND,
                                              MHD_HTTP_HEADER_ORIGIN);
    req->host = MHD_lookup_connection_value(wc->c, MHD_HEADER_KIND,
                                            MHD_HTTP_HEADER_HOST);
    req->fetch_site =
        MHD_lookup_connection_value(wc->c, MHD_HEADER_KIND, "Sec-Fetch-Site");
    req->client = client;
    req->now = (int64_t)time(NULL);
    req->web = w;
    req->conn = wc;
}

/* Run 'fn' (the dispatcher or the check before the body) on the request
 * of 'wc' with a database handle from the pool. */
static void
run_with_handle(struct web *w, struct web_conn *wc, const char *url,
                const char *method, web_dispatch_fn fn, struct web_resp *out)
{
    char client[64];
    struct web_req req;
    fill_req(w, wc, url, method, client, &req);
    req.slot = pool_take(w);
    req.st = w->all[req.slot];
    enum err rc = fn(&req, out);
    if (rc != ERR_OK) {
        /* The dispatcher answers every error it knows; this is the rest. */
        error_body(out, 500, "internal", "Kesalahan internal.");
        snprintf(out->cause, sizeof(out->cause), "%s: %s", err_str(rc),
                 store_errmsg(req.st));
    }
    pool_give(w, req.slot);
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
        return serve_asset(wc, a);
    }
    if (wc->too_big) {
        error_body(&out, 413, "terlalu_besar", "Isi permintaan terlalu besar.");
        return respond(wc, &out);
    }
    if (wc->busy) {
        error_body(&out, 503, "sibuk", "Server sibuk; coba lagi sebentar.");
        out.retry_after = BUSY_RETRY;
        return send_answer(wc, &out, true);
    }
    run_with_handle(w, wc, url, method, w->cfg.dispatch, &out);
    if (!get) {
        /* It may have written: every cached answer and session is old.
         * Before the answer goes out, so the client's next request sees
         * its own change. */
        atomic_fetch_add(&w->gen, 1);
    }
    enum MHD_Result ok = respond(wc, &out);
    buf_cleanup(&out.body);
    return ok;
}

/* Answer 'status' at once, before any of the body, and close. */
static enum MHD_Result
refuse(struct web_conn *wc, struct web_resp *out)
{
    wc->answered = true;
    enum MHD_Result ok = send_answer(wc, out, true);
    buf_cleanup(&out->body);
    return ok;
}

/* Hold 'n' more bytes of body memory; false past the cap. */
static bool
body_reserve(struct web *w, size_t n)
{
    size_t max = w->cfg.body_mem_max ? w->cfg.body_mem_max : WEB_BODY_MEM_MAX;
    pthread_mutex_lock(&w->lock);
    bool ok = n <= max && w->body_mem <= max - n;
    if (ok) {
        w->body_mem += n;
        w->body_mem_peak =
            w->body_mem > w->body_mem_peak ? w->body_mem : w->body_mem_peak;
    }
    pthread_mutex_unlock(&w->lock);
    return ok;
}

static void
body_release(struct web *w, size_t n)
{
    pthread_mutex_lock(&w->lock);
    w->body_mem -= n;
    pthread_mutex_unlock(&w->lock);
}

static struct conn_rec *
rec_of(struct MHD_Connection *c)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return ci != NULL ? ci->socket_context : NULL;
}

static int
header_ms(const struct web *w)
{
    int s =
        w->cfg.header_timeout > 0 ? w->cfg.header_timeout : WEB_HEADER_TIMEOUT;
    return s * 1000;
}

/* The headers of a request are in: its deadline is met. True when its
 * connection came over its address's share. */
static bool
headers_in(struct web *w, struct MHD_Connection *c)
{
    struct conn_rec *rec = rec_of(c);
    bool over = false;
    pthread_mutex_lock(&w->conn_lock);
    if (rec != NULL) {
        rec->deadline = 0;
        rec->n_requests++;
        over = rec->over_share;
    }
    pthread_mutex_unlock(&w->conn_lock);
    return over;
}

/* Every check that needs only the headers, before any of the body is
 * read: the address's share (a session still goes through), the size,
 * the route, session, role and CSRF (cfg.admit), the memory of bodies.
 * True when it answered. */
static bool
check_headers(struct web *w, struct web_conn *wc, const char *url,
              const char *method, size_t cap, enum MHD_Result *ok)
{
    struct web_resp out;
    memset(&out, 0, sizeof(out));
    buf_init(&out.body, 0);
    const char *cl = MHD_lookup_connection_value(
        wc->c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    unsigned long long len = cl != NULL ? strtoull(cl, NULL, 10) : 0;
    bool has_body = strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0;
    if (headers_in(w, wc->c) &&
        MHD_lookup_connection_value(wc->c, MHD_COOKIE_KIND, WEB_COOKIE_NAME) ==
            NULL) {
        pthread_mutex_lock(&w->conn_lock);
        w->n_busy++;
        pthread_mutex_unlock(&w->conn_lock);
        error_body(&out, 503, "sibuk", "Terlalu banyak sambungan.");
        out.retry_after = BUSY_RETRY;
    } else if (len > cap) {
        wc->too_big = true;
        error_body(&out, 413, "terlalu_besar", "Isi permintaan terlalu besar.");
    } else if (has_body && w->cfg.admit != NULL) {
        run_with_handle(w, wc, url, method, w->cfg.admit, &out);
    }
    if (out.status == 0 && len > 0) {
        if (body_reserve(w, (size_t)len)) {
            wc->reserved = (size_t)len;
        } else {
            error_body(&out, 503, "sibuk", "Server sibuk; coba lagi sebentar.");
            out.retry_after = BUSY_RETRY;
        }
    }
    if (out.status == 0) {
        buf_cleanup(&out.body);
        return false;
    }
    *ok = refuse(wc, &out);
    return true;
}

/* Add a piece of the body, within the body's cap and the memory of all. */
static void
take_upload(struct web *w, struct web_conn *wc, const char *upload, size_t n)
{
    if (wc->too_big || wc->busy) {
        return;
    }
    size_t need = wc->body.len + n;
    if (need > wc->reserved) {
        if (!body_reserve(w, need - wc->reserved)) {
            wc->busy = true;
            return;
        }
        wc->reserved = need;
    }
    if (buf_add(&wc->body, upload, n) != ERR_OK) {
        wc->too_big = true;
    }
}

/* Add the name of one query argument to the path of the access log:
 * names only, never values (a NIP, a search text). */
static enum MHD_Result
add_arg_name(void *cls, enum MHD_ValueKind kind, const char *key,
             const char *value)
{
    (void)kind;
    (void)value;
    struct web_conn *wc = cls;
    size_t n = strlen(wc->path);
    snprintf(wc->path + n, sizeof(wc->path) - n, "%s%s",
             strchr(wc->path, '?') ? "&" : "?", key);
    return MHD_YES;
}

static void
note_request(struct web_conn *wc, const char *method, const char *url)
{
    snprintf(wc->method, sizeof(wc->method), "%s", method);
    snprintf(wc->path, sizeof(wc->path), "%s", url);
    if (wc->w->log != NULL) {
        MHD_get_connection_values(wc->c, MHD_GET_ARGUMENT_KIND, add_arg_name,
                                  wc);
    }
}

/* The access log's line of the request of 'wc', once it is answered:
 * time, address, user, method, path, status, bytes, milliseconds. */
static void
log_access(struct web *w, struct web_conn *wc)
{
    if (w->log == NULL || wc->status == 0) {
        return;
    }
    char client[64];
    client_text(w, wc->c, client, sizeof(client));
    web_log_line(w->log, "%s %s %s %s %d %zu %lldms", client,
                 wc->actor[0] != '\0' ? wc->actor : "-", wc->method, wc->path,
                 wc->status, wc->bytes, (long long)(mono_ms() - wc->start_ms));
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
        wc->w = w;
        wc->start_ms = mono_ms();
        note_request(wc, method, url);
        buf_init(&wc->body, cap);
        *con_cls = wc;
        enum MHD_Result ok = MHD_YES;
        check_headers(w, wc, url, method, cap, &ok);
        return ok;
    }
    if (*upload_size > 0) {
        if (!wc->answered) {
            take_upload(w, wc, upload, *upload_size);
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
    (void)toe;
    struct web *w = cls;
    struct web_conn *wc = *con_cls;
    if (wc != NULL) {
        log_access(w, wc);
        body_release(w, wc->reserved);
        buf_cleanup(&wc->body);
        free(wc);
        *con_cls = NULL;
    }
    /* The next request's headers on this connection have the same time;
     * so has an idle kept-alive connection. */
    struct conn_rec *rec = rec_of(c);
    pthread_mutex_lock(&w->conn_lock);
    if (rec != NULL) {
        rec->deadline = mono_ms() + header_ms(w);
    }
    pthread_mutex_unlock(&w->conn_lock);
}

static bool
drop_unused(void *ctx, void *value)
{
    (void)ctx;
    bool unused = ((struct addr_count *)value)->n == 0;
    if (unused) {
        free(value);
    }
    return unused;
}

/* The count of connections from 'addr' (created at 0); w->conn_lock is
 * held. */
static struct addr_count *
addr_count_of(struct web *w, const char *addr)
{
    void *v = NULL;
    if (map_find(&w->per_addr, addr, &v)) {
        return v;
    }
    if (w->per_addr.n_items >= w->addr_sweep) {
        /* Addresses without a connection, when the map has doubled. */
        map_prune(&w->per_addr, drop_unused, NULL);
        size_t n = w->per_addr.n_items;
        w->addr_sweep = n * 2 > SWEEP_MIN ? n * 2 : SWEEP_MIN;
    }
    struct addr_count *a = xcalloc(1, sizeof(*a));
    map_put(&w->per_addr, addr, a);
    return a;
}

static int
share_of(const struct web *w)
{
    return w->cfg.max_conns_per_ip > 0 ? w->cfg.max_conns_per_ip
                                       : WEB_CONNS_PER_IP;
}

/* At accept: an address holding twice its share is refused outright
 * (MHD closes the socket: the client sees the connection closed, not a
 * 503; within its share and up to twice it, see on_connection()). */
static enum MHD_Result
on_accept(void *cls, const struct sockaddr *sa, socklen_t len)
{
    (void)len;
    struct web *w = cls;
    char addr[64];
    addr_text(sa, addr, sizeof(addr));
    pthread_mutex_lock(&w->conn_lock);
    void *v = NULL;
    bool full = !is_trusted(w, addr) && map_find(&w->per_addr, addr, &v) &&
                ((struct addr_count *)v)->n >= 2 * share_of(w);
    w->n_refused += full ? 1 : 0;
    pthread_mutex_unlock(&w->conn_lock);
    return full ? MHD_NO : MHD_YES;
}

static void
conn_started(struct web *w, struct MHD_Connection *c, void **socket_context)
{
    struct conn_rec *rec = xcalloc(1, sizeof(*rec));
    const union MHD_ConnectionInfo *fd =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
    rec->fd = fd != NULL ? fd->connect_fd : -1;
    peer_text(c, rec->addr, sizeof(rec->addr));
    pthread_mutex_lock(&w->conn_lock);
    struct addr_count *a = addr_count_of(w, rec->addr);
    a->n++;
    rec->over_share = a->n > share_of(w) && !is_trusted(w, rec->addr);
    /* Over the share: one second to show a session, else 503. */
    int ms = header_ms(w);
    rec->deadline = mono_ms() + (rec->over_share && ms > 1000 ? 1000 : ms);
    rec->next = w->conns;
    if (w->conns != NULL) {
        w->conns->prev = rec;
    }
    w->conns = rec;
    w->n_conns++;
    pthread_mutex_unlock(&w->conn_lock);
    *socket_context = rec;
}

/* MHD calls this before it closes the socket: the watchdog never sees a
 * closed (or reused) descriptor. */
static void
conn_closed(struct web *w, struct conn_rec *rec)
{
    pthread_mutex_lock(&w->conn_lock);
    addr_count_of(w, rec->addr)->n--;
    if (rec->prev != NULL) {
        rec->prev->next = rec->next;
    } else {
        w->conns = rec->next;
    }
    if (rec->next != NULL) {
        rec->next->prev = rec->prev;
    }
    w->n_conns--;
    pthread_mutex_unlock(&w->conn_lock);
    free(rec);
}

/* Each connection is known from accept to close: its address's count and
 * the deadline of its headers. */
static void
on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
              enum MHD_ConnectionNotificationCode toe)
{
    struct web *w = cls;
    if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
        conn_started(w, c, socket_context);
    } else if (*socket_context != NULL) {
        conn_closed(w, *socket_context);
        *socket_context = NULL;
    }
}

/* Close 'rec' at its deadline: a 408 when no request was begun on it (a
 * slow client), then shutdown(), which wakes MHD to close it. The socket
 * stays MHD's to close. */
static void
cut(struct web *w, struct conn_rec *rec)
{
    static const char timeout[] = "HTTP/1.1 408 Request Timeout\r\n"
                                  "Connection: close\r\n"
                                  "Content-Length: 0\r\n\r\n";
    if (rec->n_requests == 0) {
        ssize_t n = send(rec->fd, timeout, sizeof(timeout) - 1,
                         MSG_NOSIGNAL | MSG_DONTWAIT);
        (void)n; /* A client that reads nothing loses nothing. */
    }
    shutdown(rec->fd, SHUT_RDWR);
    rec->cut = true;
    w->n_cut++;
}

/* Move the generation when the database changed since the last look: a
 * write by another process (the command line, another server on the same
 * file) or by a request of this one that was not counted (a session's use
 * recorded by a GET). A database that cannot be asked moves it too. */
static void
watch_version(struct web *w)
{
    uint64_t v = 0;
    if (store_data_version(w->watch_st, &v) != ERR_OK) {
        w->watch_known = false;
        atomic_fetch_add(&w->gen, 1);
        return;
    }
    if (w->watch_known && v != w->watch_version) {
        atomic_fetch_add(&w->gen, 1);
    }
    w->watch_version = v;
    w->watch_known = true;
}

/* The watchdog: MHD's own timeout restarts with every byte, so a client
 * sending a header line now and then kept its connection for ever. It
 * also follows the database's data version (watch_version()). */
static void *
watch(void *arg)
{
    struct web *w = arg;
    pthread_mutex_lock(&w->conn_lock);
    while (!w->stopping) {
        pthread_mutex_unlock(&w->conn_lock);
        watch_version(w);
        pthread_mutex_lock(&w->conn_lock);
        int64_t now = mono_ms();
        for (struct conn_rec *r = w->conns; r != NULL; r = r->next) {
            if (r->deadline != 0 && now >= r->deadline && !r->cut &&
                r->fd >= 0) {
                cut(w, r);
            }
        }
        int64_t at = now + WATCH_MS;
        struct timespec ts = {(time_t)(at / 1000), (long)(at % 1000) * 1000000};
        pthread_cond_timedwait(&w->tick, &w->conn_lock, &ts);
    }
    pthread_mutex_unlock(&w->conn_lock);
    return NULL;
}

static enum err
open_pool(struct web *w, char *why, size_t why_len)
{
    w->n_pool = w->cfg.threads + 1;
    w->all = xcalloc((size_t)w->n_pool, sizeof(struct store *));
    w->free_slots = xcalloc((size_t)w->n_pool, sizeof(int));
    w->caches = xcalloc((size_t)w->n_pool, sizeof(struct cache));
    w->sessions = xcalloc(SESSION_SLOTS, sizeof(struct session_entry));
    enum err wrc = store_open(w->cfg.db, false, &w->watch_st);
    if (wrc != ERR_OK) {
        snprintf(why, why_len, "%s", store_errmsg(w->watch_st));
        return wrc;
    }
    store_cache_limit(w->watch_st, 64);
    watch_version(w);
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
        /* One handle per thread: each keeps a modest page cache (the
         * store's default is sized for one large import; eight such
         * caches grew a soak's server to 920 MiB). */
        store_cache_limit(st, WEB_PAGE_CACHE_KIB);
        w->all[i] = st;
        w->free_slots[w->n_free++] = i;
    }
    return ERR_OK;
}

/* The daemon on 'sa': epoll, a thread pool, the caps of 'w->cfg'. */
static struct MHD_Daemon *
start_daemon(struct web *w, struct sockaddr_in *sa)
{
    unsigned max = w->cfg.max_conns > 0 ? (unsigned)w->cfg.max_conns
                                        : (unsigned)WEB_CONNS_MAX;
    return MHD_start_daemon(
        MHD_USE_EPOLL_INTERNAL_THREAD, (uint16_t)w->cfg.port, on_accept, w,
        on_request, w, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)sa,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)w->cfg.threads,
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, w,
        MHD_OPTION_NOTIFY_CONNECTION, on_connection, w,
        MHD_OPTION_CONNECTION_LIMIT, max, MHD_OPTION_CONNECTION_TIMEOUT, 30u,
        MHD_OPTION_END);
}

static void
init_locks(struct web *w)
{
    pthread_mutex_init(&w->lock, NULL);
    pthread_cond_init(&w->freed, NULL);
    pthread_mutex_init(&w->conn_lock, NULL);
    pthread_mutex_init(&w->session_lock, NULL);
    pthread_mutex_init(&w->rules_lock, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&w->tick, &ca);
    pthread_condattr_destroy(&ca);
    map_init(&w->per_addr);
    w->addr_sweep = SWEEP_MIN;
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
    init_locks(w);
    enum err rc =
        parse_proxies(w, why, why_len) ? open_pool(w, why, why_len) : ERR_USAGE;
    if (rc == ERR_OK && cfg->log_path != NULL) {
        rc = web_log_open(cfg->log_path, &w->log, why, why_len);
    }
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof(sa));
    sa.sin_family = AF_INET;
    sa.sin_port = htons((uint16_t)cfg->port);
    if (rc == ERR_OK && inet_pton(AF_INET, cfg->address, &sa.sin_addr) != 1) {
        snprintf(why, why_len, L_("alamat tidak sah: %s", "bad address %s"),
                 cfg->address);
        rc = ERR_USAGE;
    }
    if (rc == ERR_OK && pthread_create(&w->watchdog, NULL, watch, w) != 0) {
        snprintf(why, why_len, "%s",
                 L_("tidak dapat memulai thread", "cannot start a thread"));
        rc = ERR_INTERNAL;
    }
    w->watching = rc == ERR_OK;
    w->d = rc == ERR_OK ? start_daemon(w, &sa) : NULL;
    if (rc == ERR_OK && w->d == NULL) {
        snprintf(why, why_len,
                 L_("tidak dapat mendengarkan di %s:%d (port terpakai?)",
                    "cannot listen on %s:%d (port in use?)"),
                 cfg->address, cfg->port);
        rc = ERR_IO;
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

void
web_stats_get(struct web *w, struct web_stats *out)
{
    memset(out, 0, sizeof(*out));
    pthread_mutex_lock(&w->lock);
    out->body_mem = w->body_mem;
    out->body_mem_peak = w->body_mem_peak;
    pthread_mutex_unlock(&w->lock);
    pthread_mutex_lock(&w->conn_lock);
    out->n_cut = w->n_cut;
    out->n_busy = w->n_busy;
    out->n_refused = w->n_refused;
    out->n_conns = w->n_conns;
    pthread_mutex_unlock(&w->conn_lock);
}

static bool
drop_all(void *ctx, void *value)
{
    (void)ctx;
    free(value);
    return true;
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
    if (w->watching) {
        pthread_mutex_lock(&w->conn_lock);
        w->stopping = true;
        pthread_cond_signal(&w->tick);
        pthread_mutex_unlock(&w->conn_lock);
        pthread_join(w->watchdog, NULL);
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
    store_close(w->watch_st);
    if (w->sessions != NULL) {
        auth_wipe(w->sessions, SESSION_SLOTS * sizeof(*w->sessions));
    }
    free(w->sessions);
    pthread_mutex_destroy(&w->session_lock);
    while (w->all_rules != NULL) { /* Only the current one by now. */
        struct shared_rules *next = w->all_rules->next;
        kelayakan_destroy(w->all_rules->k);
        free(w->all_rules);
        w->all_rules = next;
    }
    pthread_mutex_destroy(&w->rules_lock);
    web_log_close(w->log);
    map_prune(&w->per_addr, drop_all, NULL);
    map_cleanup(&w->per_addr);
    pthread_mutex_destroy(&w->conn_lock);
    pthread_cond_destroy(&w->tick);
    pthread_mutex_destroy(&w->lock);
    pthread_cond_destroy(&w->freed);
    free(w->proxies);
    free(w);
}

enum err
web_reopen_log(struct web *w)
{
    return web_log_reopen(w->log);
}

const char *
web_query(const struct web_req *r, const char *key)
{
    return MHD_lookup_connection_value(r->conn->c, MHD_GET_ARGUMENT_KIND, key);
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

uint64_t
web_generation(struct web *w)
{
    return atomic_load(&w->gen);
}

/* The slot of the session of hash 'h' (64 hex digits). */
static size_t
session_slot(const char *h)
{
    size_t k = 0;
    for (int i = 0; i < 8 && h[i] != '\0'; i++) {
        char c = h[i];
        k = k * 16 + (size_t)(c <= '9' ? c - '0' : c - 'a' + 10);
    }
    return k % SESSION_SLOTS;
}

bool
web_session_find(const struct web_req *r, const char *token_hash, uint64_t gen,
                 struct auth_who *out)
{
    struct web *w = r->web;
    bool found = false;
    pthread_mutex_lock(&w->session_lock);
    const struct session_entry *e = &w->sessions[session_slot(token_hash)];
    if (e->gen == gen && e->who.token_hash[0] != '\0' &&
        auth_equal(e->who.token_hash, token_hash) && r->now <= e->who.expires &&
        r->now - e->who.last_use < 60) {
        *out = e->who;
        found = true;
    }
    pthread_mutex_unlock(&w->session_lock);
    return found;
}

void
web_session_keep(const struct web_req *r, const struct auth_who *who,
                 uint64_t gen)
{
    struct web *w = r->web;
    pthread_mutex_lock(&w->session_lock);
    struct session_entry *e = &w->sessions[session_slot(who->token_hash)];
    e->who = *who;
    e->gen = gen;
    pthread_mutex_unlock(&w->session_lock);
}

/* Drop one reference to 'sr' (rules_lock held); the last frees it. */
static void
rules_release(struct web *w, struct shared_rules *sr)
{
    if (--sr->refs > 0) {
        return;
    }
    for (struct shared_rules **at = &w->all_rules; *at != NULL;
         at = &(*at)->next) {
        if (*at == sr) {
            *at = sr->next;
            break;
        }
    }
    kelayakan_destroy(sr->k);
    free(sr);
}

enum err
web_kelayakan(const struct web_req *r, const struct kelayakan **out)
{
    struct web *w = r->web;
    uint64_t gen = web_generation(w);
    int32_t day = date_today();
    enum err rc = ERR_OK;
    pthread_mutex_lock(&w->rules_lock);
    struct shared_rules *sr = w->rules;
    if (sr == NULL || sr->gen != gen || sr->day != day) {
        struct kelayakan *k = NULL;
        rc = kelayakan_load(r->st, day, &k);
        if (rc == ERR_OK) {
            if (sr != NULL) {
                rules_release(w, sr); /* No longer the current one. */
            }
            sr = xcalloc(1, sizeof(*sr));
            *sr = (struct shared_rules){k, gen, day, 1, w->all_rules};
            w->all_rules = sr;
            w->rules = sr;
        }
    }
    if (rc == ERR_OK) {
        sr->refs++;
        *out = sr->k;
    }
    pthread_mutex_unlock(&w->rules_lock);
    return rc;
}

void
web_kelayakan_done(const struct web_req *r, const struct kelayakan *k)
{
    struct web *w = r->web;
    if (k == NULL) {
        return;
    }
    pthread_mutex_lock(&w->rules_lock);
    for (struct shared_rules *sr = w->all_rules; sr != NULL; sr = sr->next) {
        if (sr->k == k) {
            rules_release(w, sr);
            break;
        }
    }
    pthread_mutex_unlock(&w->rules_lock);
}

enum err
web_kelayakan_add(const struct web_req *r, const char *nip, bool tugas_belajar,
                  struct json_obj *o)
{
    char id[32];
    snprintf(id, sizeof(id), "%s", nip); /* 'nip' may be the store's. */
    const struct kelayakan *k = NULL;
    enum err rc = web_kelayakan(r, &k);
    if (rc == ERR_OK) {
        kelayakan_json(k, id, tugas_belajar, o, "kelayakan");
        web_kelayakan_done(r, k);
    }
    return rc;
}
