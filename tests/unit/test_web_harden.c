/* SPDX-License-Identifier: MIT */
/* The web server under abuse (issue 18, 2026-12-06): slow clients, bodies
 * before anyone is known, the login throttle, cross-origin logins. The
 * server runs with small caps (tune() below) so that each attack takes a
 * second or two; the attackers are raw sockets bound to other loopback
 * addresses (127.0.0.x: all of 127/8 reaches lo on Linux). */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>

#include "web_fixture.c"

#include "request.h"
#include "web_throttle.h"

#define PER_IP     8     /* max_conns_per_ip of the suite. */
#define HEADER_TO  2     /* header_timeout of the suite (seconds). */
#define BODY_MEM   65536 /* body_mem_max of the suite (bytes). */
#define N_ATTACK   1100  /* Slow sockets of the slowloris attack. */
#define UPLOAD_URL "/api/requests/1/documents"

static void
tune(struct web_config *cfg)
{
    cfg->max_conns = 200;
    cfg->max_conns_per_ip = PER_IP;
    cfg->header_timeout = HEADER_TO;
    cfg->body_mem_max = BODY_MEM;
    cfg->trusted_proxies = "127.0.0.30, 127.0.0.32";
}

static int
setup_tuned(void **state)
{
    fx_tune = tune;
    return setup(state);
}

static int64_t
now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void
pause_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000};
    nanosleep(&ts, NULL);
}

/* A TCP connection from the address 'from' to the server, or -1. */
static int
raw_connect(const char *from)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        return -1;
    }
    struct sockaddr_in a;
    memset(&a, 0, sizeof(a));
    a.sin_family = AF_INET;
    inet_pton(AF_INET, from, &a.sin_addr);
    struct sockaddr_in to = a;
    to.sin_port = htons((uint16_t)fx.port);
    inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
    if (bind(fd, (struct sockaddr *)&a, sizeof(a)) != 0 ||
        connect(fd, (struct sockaddr *)&to, sizeof(to)) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

static bool
raw_send(int fd, const char *text)
{
    size_t n = strlen(text);
    return send(fd, text, n, MSG_NOSIGNAL) == (ssize_t)n;
}

/* What the server said on 'fd' within 'ms': the HTTP status (its text in
 * 'out' when not NULL), 0 when it closed without a word, -1 when it said
 * nothing in time. */
static int
raw_status(int fd, int ms, char *out, size_t len)
{
    char text[4096];
    size_t got = 0;
    int64_t end = now_ms() + ms;
    while (got < sizeof(text) - 1) {
        struct pollfd p = {fd, POLLIN, 0};
        int left = (int)(end - now_ms());
        if (left <= 0 || poll(&p, 1, left) <= 0) {
            break;
        }
        ssize_t n = recv(fd, text + got, sizeof(text) - 1 - got, 0);
        if (n <= 0) {
            break;
        }
        got += (size_t)n;
        text[got] = '\0';
        if (strstr(text, "\r\n\r\n") != NULL) {
            break;
        }
    }
    text[got] = '\0';
    if (out != NULL) {
        snprintf(out, len, "%s", text);
    }
    if (got == 0) {
        return now_ms() >= end ? -1 : 0;
    }
    return strncmp(text, "HTTP/1.", 7) == 0 ? (int)strtol(text + 9, NULL, 10)
                                            : 0;
}

/* The session token of 'c' (logged in), from its Set-Cookie line. */
static void
token_of(const struct client *c, char *out, size_t len)
{
    const char *p = strstr(c->cookie_line, WEB_COOKIE_NAME "=");
    assert_non_null(p);
    p += strlen(WEB_COOKIE_NAME) + 1;
    snprintf(out, len, "%.*s", (int)strcspn(p, ";\r\n"), p);
}

/* Issue 18: 1 100 sockets sending a header line now and then held every
 * connection, and a logged-in GET /api/me timed out for everyone. */
static void
test_slow_clients_do_not_starve_logged_in(void **state)
{
    (void)state;
    static int fds[N_ATTACK];
    struct client c;
    client_init(&c);
    assert_int_equal(login(&c, "hr", PASSWORD), 200);
    int opened = 0;
    for (int i = 0; i < N_ATTACK; i++) {
        fds[i] = raw_connect("127.0.0.2");
        if (fds[i] >= 0) {
            opened++;
            raw_send(fds[i], "GET /api/me HTTP/1.1\r\nHost: a\r\n");
        }
    }
    for (int i = 0; i < N_ATTACK; i++) {
        raw_send(fds[i], "X-Slow: 1\r\n"); /* Activity, as the attack. */
    }
    struct client me;
    client_init(&me);
    char token[128];
    token_of(&c, token, sizeof(token));
    char cookie[160];
    snprintf(cookie, sizeof(cookie), WEB_COOKIE_NAME "=%s", token);
    curl_easy_setopt(me.h, CURLOPT_COOKIE, cookie);
    curl_easy_setopt(me.h, CURLOPT_TIMEOUT_MS, 3000L);
    char url[128];
    snprintf(url, sizeof(url), "http://127.0.0.1:%d/api/me", fx.port);
    curl_easy_setopt(me.h, CURLOPT_URL, url);
    int64_t t0 = now_ms();
    CURLcode cc = curl_easy_perform(me.h);
    int64_t took = now_ms() - t0;
    long status = 0;
    curl_easy_getinfo(me.h, CURLINFO_RESPONSE_CODE, &status);
    struct web_stats ws;
    web_stats_get(fx.w, &ws);
    print_message("# slow sockets opened %d, connections held %d, refused at "
                  "accept %ld, 503 %ld; GET /api/me %ld in %lld ms\n",
                  opened, ws.n_conns, ws.n_refused, ws.n_busy, status,
                  (long long)took);
    for (int i = 0; i < N_ATTACK; i++) {
        if (fds[i] >= 0) {
            close(fds[i]);
        }
    }
    assert_int_equal(cc, CURLE_OK);
    assert_int_equal(status, 200);
    assert_true(took < 1500);
    /* Twice the share, the two clients, and a few accepted while the
     * count caught up (one per worker thread). */
    assert_true(ws.n_conns <= 2 * PER_IP + 2 + 4);
    client_cleanup(&me);
    client_cleanup(&c);
}

/* Issue 18: MHD's timeout restarts on every byte; a request's headers now
 * have a deadline that activity does not move. */
static void
test_header_deadline_not_extended_by_activity(void **state)
{
    (void)state;
    int fd = raw_connect("127.0.0.3");
    assert_true(fd >= 0);
    assert_true(raw_send(fd, "GET /api/me HTTP/1.1\r\n"));
    int64_t t0 = now_ms();
    int st = -1;
    while (st == -1 && now_ms() - t0 < 3 * HEADER_TO * 1000) {
        raw_send(fd, "X-Slow: 1\r\n");
        st = raw_status(fd, 300, NULL, 0);
    }
    int64_t took = now_ms() - t0;
    print_message("# a header line every 300 ms: closed with %d after %lld "
                  "ms\n",
                  st, (long long)took);
    close(fd);
    assert_true(st == 408 || st == 0);
    assert_true(took >= HEADER_TO * 1000 - 500);
    assert_true(took <= HEADER_TO * 1000 + 1500);
}

/* Past its address's share a connection is answered 503 with Retry-After
 * at once, unless it carries a session (an office behind one NAT). */
static void
test_over_share_gets_503_unless_logged_in(void **state)
{
    (void)state;
    struct client c;
    client_init(&c);
    assert_int_equal(login(&c, "hr", PASSWORD), 200);
    char token[128];
    token_of(&c, token, sizeof(token));
    int slow[PER_IP];
    for (int i = 0; i < PER_IP; i++) {
        slow[i] = raw_connect("127.0.0.4");
        assert_true(slow[i] >= 0);
        assert_true(raw_send(slow[i], "GET / HTTP/1.1\r\n"));
    }
    pause_ms(100);
    char text[4096];
    int fd = raw_connect("127.0.0.4");
    assert_true(fd >= 0);
    raw_send(fd, "GET /api/units HTTP/1.1\r\nHost: a\r\n\r\n");
    assert_int_equal(raw_status(fd, 1000, text, sizeof(text)), 503);
    assert_non_null(strstr(text, "Retry-After:"));
    close(fd);
    fd = raw_connect("127.0.0.4");
    assert_true(fd >= 0);
    char req[512];
    snprintf(req, sizeof(req),
             "GET /api/me HTTP/1.1\r\nHost: a\r\nCookie: %s=%s\r\n\r\n",
             WEB_COOKIE_NAME, token);
    raw_send(fd, req);
    assert_int_equal(raw_status(fd, 1000, NULL, 0), 200);
    close(fd);
    for (int i = 0; i < PER_IP; i++) {
        close(slow[i]);
    }
    client_cleanup(&c);
}

/* Send the headers of a POST to 'path' with 'len' bytes declared and
 * 'extra' headers, and no body; the status answered within a second. */
static int
post_headers_only(const char *from, const char *path, size_t len,
                  const char *extra)
{
    int fd = raw_connect(from);
    assert_true(fd >= 0);
    char req[1024];
    snprintf(req, sizeof(req),
             "POST %s HTTP/1.1\r\nHost: a\r\nContent-Type: application/pdf"
             "\r\nContent-Length: %zu\r\n%s\r\n",
             path, len, extra);
    assert_true(raw_send(fd, req));
    int64_t t0 = now_ms();
    int st = raw_status(fd, 1000, NULL, 0);
    print_message("# POST %s (%zu bytes declared, none sent): %d in %lld ms\n",
                  path, len, st, (long long)(now_ms() - t0));
    close(fd);
    return st;
}

/* Issue 18: the body was read before anyone was known. Each of these is
 * answered from the headers alone (the body is never sent). */
static void
test_refused_before_body(void **state)
{
    (void)state;
    struct client c;
    client_init(&c);
    assert_int_equal(login(&c, "guru", PASSWORD), 200);
    char token[128];
    token_of(&c, token, sizeof(token));
    char cookie[256];
    char both[512];
    snprintf(cookie, sizeof(cookie), "Cookie: %s=%s\r\n", WEB_COOKIE_NAME,
             token);
    snprintf(both, sizeof(both), "%sX-CSRF-Token: %s\r\n", cookie, c.csrf);
    assert_int_equal(post_headers_only("127.0.0.5", UPLOAD_URL, 5000000, ""),
                     401);
    assert_int_equal(post_headers_only("127.0.0.5", "/api/nope", 1000, ""),
                     404);
    assert_int_equal(post_headers_only("127.0.0.5", "/api/plans", 1000, both),
                     403); /* A pegawai may not make plans. */
    assert_int_equal(post_headers_only("127.0.0.5", UPLOAD_URL, 1000, cookie),
                     403);
    assert_int_equal(post_headers_only("127.0.0.5", UPLOAD_URL, 6000000, both),
                     413);
    struct web_stats ws;
    web_stats_get(fx.w, &ws);
    print_message("# body memory now %zu, peak %zu\n", ws.body_mem,
                  ws.body_mem_peak);
    assert_true(ws.body_mem_peak < 1000);
    client_cleanup(&c);
}

/* The bodies in flight share one cap: past it 503 with Retry-After, at
 * once, and the memory comes back when the connection goes. */
static void
test_body_memory_capped(void **state)
{
    (void)state;
    struct client c;
    client_init(&c);
    assert_int_equal(login(&c, "guru", PASSWORD), 200);
    char token[128];
    token_of(&c, token, sizeof(token));
    char req[1024];
    snprintf(req, sizeof(req),
             "POST " UPLOAD_URL " HTTP/1.1\r\nHost: a\r\nContent-Type: "
             "application/pdf\r\nContent-Length: %d\r\nCookie: %s=%s\r\n"
             "X-CSRF-Token: %s\r\n\r\n",
             BODY_MEM / 2 + 1000, WEB_COOKIE_NAME, token, c.csrf);
    int a = raw_connect("127.0.0.6");
    assert_true(a >= 0);
    assert_true(raw_send(a, req));
    static char half[BODY_MEM / 4];
    memset(half, '%', sizeof(half));
    assert_int_equal(send(a, half, sizeof(half), MSG_NOSIGNAL),
                     (ssize_t)sizeof(half));
    pause_ms(200);
    int b = raw_connect("127.0.0.7");
    assert_true(b >= 0);
    assert_true(raw_send(b, req));
    char text[4096];
    int64_t t0 = now_ms();
    int st = raw_status(b, 1000, text, sizeof(text));
    struct web_stats ws;
    web_stats_get(fx.w, &ws);
    print_message("# second upload beside a held one: %d in %lld ms; body "
                  "memory %zu of %d\n",
                  st, (long long)(now_ms() - t0), ws.body_mem, BODY_MEM);
    assert_int_equal(st, 503);
    assert_non_null(strstr(text, "Retry-After:"));
    close(b);
    close(a);
    pause_ms(300);
    web_stats_get(fx.w, &ws);
    assert_int_equal(ws.body_mem, 0);
    assert_true(ws.body_mem_peak <= BODY_MEM);
    client_cleanup(&c);
}

/* A client whose requests leave from the loopback address 'from'. */
static void
client_from(struct client *c, const char *from)
{
    client_init(c);
    curl_easy_setopt(c->h, CURLOPT_INTERFACE, from);
}

/* Issue 18: five wrong passwords from one address locked the account for
 * everyone. They throttle that address only, with Retry-After. */
static void
test_login_throttle_spares_other_addresses(void **state)
{
    (void)state;
    struct client bad;
    struct client good;
    client_from(&bad, "127.0.0.8");
    client_from(&good, "127.0.0.9");
    for (int i = 0; i < 5; i++) {
        assert_int_equal(login(&bad, "brute", "salah"), 401);
    }
    assert_int_equal(login(&bad, "brute", PASSWORD), 429);
    assert_string_equal(bad.retry_after, "1");
    assert_int_equal(login(&good, "brute", PASSWORD), 200);
    client_cleanup(&bad);
    client_cleanup(&good);
}

/* Issue 18: twenty failures from one address blocked every account from
 * it; an office behind one NAT shares an address. */
static void
test_login_throttle_nat_two_accounts(void **state)
{
    (void)state;
    struct client c;
    client_from(&c, "127.0.0.10");
    const char *who[] = {"nat1", "nat2", "nat3", "nat4"};
    for (int k = 0; k < 4; k++) {
        for (int i = 0; i < 5; i++) {
            assert_int_equal(login(&c, who[k], "salah"), 401);
        }
    }
    assert_int_equal(login(&c, "guru", PASSWORD), 200);
    client_cleanup(&c);
}

/* Issue 19: behind a load balancer every request comes from its address.
 * Only from a trusted proxy is the client the last address of
 * X-Forwarded-For that is not a trusted proxy: failures count per real
 * client, a forged prefix changes nothing, and from any other peer the
 * header is ignored. */
static void
test_login_throttle_behind_trusted_proxy(void **state)
{
    (void)state;
    struct client a;
    struct client b;
    struct client forged;
    struct client direct;
    client_from(&a, "127.0.0.30");
    client_from(&b, "127.0.0.30");
    client_from(&forged, "127.0.0.30");
    client_from(&direct, "127.0.0.31");
    snprintf(a.extra, sizeof(a.extra), "X-Forwarded-For: 203.0.113.7");
    /* A second proxy in the chain, itself trusted, is skipped. */
    snprintf(b.extra, sizeof(b.extra),
             "X-Forwarded-For: 203.0.113.8, 127.0.0.32");
    snprintf(forged.extra, sizeof(forged.extra),
             "X-Forwarded-For: 198.51.100.1, 203.0.113.7");
    snprintf(direct.extra, sizeof(direct.extra),
             "X-Forwarded-For: 203.0.113.7");
    for (int i = 0; i < 5; i++) {
        assert_int_equal(login(&a, "brute", "salah"), 401);
    }
    assert_int_equal(login(&a, "brute", PASSWORD), 429);
    assert_int_equal(login(&forged, "brute", PASSWORD), 429);
    assert_int_equal(login(&b, "brute", PASSWORD), 200);
    assert_int_equal(login(&direct, "brute", PASSWORD), 200);
    client_cleanup(&a);
    client_cleanup(&b);
    client_cleanup(&forged);
    client_cleanup(&direct);
}

/* GET /api/health: no session needed, the schema and the node. */
static void
test_health_answers_without_a_session(void **state)
{
    (void)state;
    struct client c;
    char t[64];
    client_init(&c);
    assert_int_equal(call(&c, "GET", "/api/health", NULL, false), 200);
    assert_string_equal(field(&c, "status", t, sizeof(t)), "ok");
    snprintf(t, sizeof(t), "%d", STORE_SCHEMA_VERSION);
    char got[64];
    assert_string_equal(field(&c, "schema", got, sizeof(got)), t);
    client_cleanup(&c);
}

/* Issue 18: a colliding key of the old 4 096-slot table reset another
 * key's count. Every key is counted exactly, however many; the counts
 * are the database's (issue 19: shared by every server), on a clock of
 * the test's choosing. */
static void
test_login_throttle_exact_for_many_keys(void **state)
{
    (void)state;
    struct store *st = NULL;
    assert_int_equal(store_open(fx.db, false, &st), ERR_OK);
    int64_t now = 1000000;
    int wait = -1;
    for (int i = 0; i < 5; i++) {
        assert_int_equal(web_throttle_note(st, "victim", 5, true, now), ERR_OK);
    }
    assert_int_equal(web_throttle_wait(st, "victim", now, &wait), ERR_OK);
    assert_int_equal(wait, 1);
    char key[32];
    assert_int_equal(store_begin(st), ERR_OK);
    for (int i = 0; i < 20000; i++) {
        snprintf(key, sizeof(key), "k%d", i);
        assert_int_equal(web_throttle_note(st, key, 5, true, now), ERR_OK);
    }
    assert_int_equal(store_commit(st), ERR_OK);
    assert_int_equal(web_throttle_wait(st, "victim", now, &wait), ERR_OK);
    assert_int_equal(wait, 1);
    assert_int_equal(web_throttle_wait(st, "k17", now, &wait), ERR_OK);
    assert_int_equal(wait, 0);
    /* Its second failure. */
    assert_int_equal(web_throttle_note(st, "k17", 5, true, now), ERR_OK);
    assert_int_equal(web_throttle_wait(st, "k17", now, &wait), ERR_OK);
    assert_int_equal(wait, 0);
    /* Past its wait, each failure doubles it: 2 s, then 4 s. */
    now += 1000;
    assert_int_equal(web_throttle_note(st, "victim", 5, true, now), ERR_OK);
    assert_int_equal(web_throttle_wait(st, "victim", now, &wait), ERR_OK);
    assert_int_equal(wait, 2);
    now += 2000;
    assert_int_equal(web_throttle_note(st, "victim", 5, true, now), ERR_OK);
    assert_int_equal(web_throttle_wait(st, "victim", now, &wait), ERR_OK);
    assert_int_equal(wait, 4);
    /* After 15 minutes without a failure the victim's count starts
     * again, and the stale keys are swept as failures come. */
    now += 16 * 60 * 1000;
    assert_int_equal(web_throttle_note(st, "victim", 5, true, now), ERR_OK);
    assert_int_equal(web_throttle_wait(st, "victim", now, &wait), ERR_OK);
    assert_int_equal(wait, 0);
    assert_int_equal(store_throttle_sweep(st, now, WEB_THROTTLE_FORGET_MS),
                     ERR_OK);
    struct store_throttle t;
    assert_int_equal(store_throttle_get(st, "k17", &t), ERR_OK);
    assert_int_equal(t.gagal, 0);
    assert_int_equal(store_throttle_get(st, "victim", &t), ERR_OK);
    assert_int_equal(t.gagal, 1);
    store_close(st);
}

/* A login from another site's page is refused (a login CSRF). */
static void
test_login_cross_origin_refused(void **state)
{
    (void)state;
    struct client c;
    client_from(&c, "127.0.0.11");
    const char *body = "{\"login\":\"hr\",\"password\":\"" PASSWORD "\"}";
    char url[128];
    snprintf(url, sizeof(url), "http://127.0.0.1:%d/api/login", fx.port);
    char same[128];
    snprintf(same, sizeof(same), "Origin: http://127.0.0.1:%d", fx.port);
    const char *cases[][2] = {{"Origin: http://evil.example", "403"},
                              {"Sec-Fetch-Site: cross-site", "403"},
                              {"Origin: http://127.0.0.1:1", "403"},
                              {same, "200"},
                              {"Sec-Fetch-Site: same-origin", "200"}};
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct curl_slist *hs = curl_slist_append(NULL, cases[i][0]);
        curl_easy_setopt(c.h, CURLOPT_URL, url);
        curl_easy_setopt(c.h, CURLOPT_POSTFIELDS, body);
        curl_easy_setopt(c.h, CURLOPT_HTTPHEADER, hs);
        buf_reset(&c.body);
        assert_int_equal(curl_easy_perform(c.h), CURLE_OK);
        long st = 0;
        curl_easy_getinfo(c.h, CURLINFO_RESPONSE_CODE, &st);
        curl_easy_setopt(c.h, CURLOPT_HTTPHEADER, NULL);
        curl_slist_free_all(hs);
        if (st != strtol(cases[i][1], NULL, 10)) {
            fail_msg("%s: %ld, not %s", cases[i][0], st, cases[i][1]);
        }
    }
    client_cleanup(&c);
}

static char note_request[32]; /* The id of guru2's request. */

/* Is 's' valid UTF-8 (no cut sequence, no overlong form)? */
static bool
utf8_ok(const unsigned char *s)
{
    while (*s != '\0') {
        int n = *s < 0x80             ? 0
                : (*s & 0xe0) == 0xc0 ? 1
                : (*s & 0xf0) == 0xe0 ? 2
                : (*s & 0xf8) == 0xf0 ? 3
                                      : -1;
        if (n < 0 || (n == 1 && *s < 0xc2)) {
            return false;
        }
        s++;
        for (int i = 0; i < n; i++, s++) {
            if ((*s & 0xc0) != 0x80) {
                return false;
            }
        }
    }
    return true;
}

/* Issue 18: a 1 023-byte note ending in "é" was cut inside the character
 * and stored as broken UTF-8; it is cut on a character boundary. */
static void
test_note_cut_on_character_boundary(void **state)
{
    (void)state;
    struct client g;
    client_init(&g);
    assert_int_equal(login(&g, "guru2", PASSWORD), 200);
    char note[1030];
    memset(note, 'a', 1022);
    memcpy(note + 1022, "\xc3\xa9", 3); /* "é" and the NUL. */
    char body[1200];
    snprintf(body, sizeof(body),
             "{\"pilihan\":[\"50204545\"],\"alasan\":\"kesehatan\","
             "\"keterangan\":\"%s\"}",
             note);
    assert_int_equal(call(&g, "POST", "/api/requests", body, true), 201);
    char *id = note_request;
    field(&g, "id", id, sizeof(note_request));
    char path[64];
    snprintf(path, sizeof(path), "/api/requests/%s", id);
    assert_int_equal(call(&g, "GET", path, NULL, false), 200);
    static char got[2048];
    field(&g, "keterangan", got, sizeof(got));
    assert_true(utf8_ok((const unsigned char *)got));
    note[1022] = '\0';
    assert_string_equal(got, note);
    client_cleanup(&g);
}

/* Issue 18: control characters in names and short fields are refused
 * with 422 naming the field; a note keeps its newlines and tabs. */
static void
test_control_characters_refused(void **state)
{
    (void)state;
    struct client a;
    client_init(&a);
    assert_int_equal(login(&a, "root", PASSWORD), 200);
    assert_int_equal(call(&a, "POST", "/api/users",
                          "{\"login\":\"ani\\u0001\",\"password\":"
                          "\"kata-sandi-uji-1\",\"role\":\"bkpsdm\"}",
                          true),
                     422);
    char msg[256];
    field(&a, "error.message", msg, sizeof(msg));
    assert_non_null(strstr(msg, "login"));
    struct client g;
    client_init(&g);
    assert_int_equal(login(&g, "guru", PASSWORD), 200);
    assert_int_equal(call(&g, "POST", "/api/requests",
                          "{\"pilihan\":[\"50204545\"],\"alasan\":"
                          "\"kesehatan\",\"keterangan\":\"baris\\u0007\"}",
                          true),
                     422);
    field(&g, "error.message", msg, sizeof(msg));
    assert_non_null(strstr(msg, "keterangan"));
    assert_int_equal(call(&g, "POST", "/api/requests",
                          "{\"pilihan\":[\"50204545\"],\"alasan\":"
                          "\"kesehatan\",\"keterangan\":\"satu\\n\\tdua\"}",
                          true),
                     201);
    client_cleanup(&g);
    client_cleanup(&a);
}

/* A small PDF with a right cross-reference table, into 'out', with a
 * comment of 'pad' bytes after its header. */
static void
small_pdf(struct buf *out, size_t pad)
{
    static const char *const objs[] = {
        "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
        "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n",
        "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\n"
        "endobj\n"};
    size_t at[3];
    buf_reset(out);
    assert_int_equal(buf_adds(out, "%PDF-1.4\n"), ERR_OK);
    if (pad > 0) {
        assert_int_equal(buf_adds(out, "%"), ERR_OK);
        for (size_t i = 0; i < pad; i++) {
            assert_int_equal(buf_adds(out, "x"), ERR_OK);
        }
        assert_int_equal(buf_adds(out, "\n"), ERR_OK);
    }
    for (int i = 0; i < 3; i++) {
        at[i] = out->len;
        assert_int_equal(buf_adds(out, objs[i]), ERR_OK);
    }
    size_t xref = out->len;
    assert_int_equal(buf_adds(out, "xref\n0 4\n0000000000 65535 f \n"), ERR_OK);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(buf_addf(out, "%010zu 00000 n \n", at[i]), ERR_OK);
    }
    assert_int_equal(buf_addf(out,
                              "trailer\n<< /Size 4 /Root 1 0 R >>\n"
                              "startxref\n%zu\n%%%%EOF\n",
                              xref),
                     ERR_OK);
}

static long
upload(struct client *c, const char *body)
{
    char path[128];
    snprintf(path, sizeof(path),
             "/api/requests/%s/documents?jenis=surat_permohonan&nama=surat%%20"
             "%%221%%22.pdf",
             note_request);
    return call(c, "POST", path, body, true);
}

/* Issue 18: only the "%PDF-" prefix was checked; the structure is (a
 * header, a cross-reference table or stream, startxref, %%EOF), and a
 * document is served as an attachment under its name. */
static void
test_upload_checks_pdf_structure(void **state)
{
    (void)state;
    struct client g;
    client_init(&g);
    assert_int_equal(login(&g, "guru2", PASSWORD), 200);
    assert_int_equal(
        upload(&g, "%PDF-1.4\n<html><script>alert(1)</script></html>\n"), 422);
    assert_int_equal(upload(&g, "%PDF-1.4\n%%EOF\n"), 422);
    struct buf pdf;
    buf_init(&pdf, 0);
    small_pdf(&pdf, 0);
    assert_int_equal(upload(&g, buf_str(&pdf)), 200);
    char doc[32];
    struct json_obj *o = body_json(&g);
    item_text(o, "documents", 0, "id", doc, sizeof(doc));
    json_obj_destroy(o);
    char path[128];
    snprintf(path, sizeof(path), "/api/requests/%s/documents/%s", note_request,
             doc);
    assert_int_equal(call(&g, "GET", path, NULL, false), 200);
    assert_string_equal(g.disposition,
                        "attachment; filename=\"surat _1_.pdf\"");
    assert_int_equal(g.body.len, pdf.len);
    buf_cleanup(&pdf);
    client_cleanup(&g);
}

/* The structure check itself: an xref stream is a PDF too; a startxref
 * that points nowhere, text after %%EOF or a cut file are not. */
static void
test_pdf_check_cases(void **state)
{
    (void)state;
    struct buf t;
    buf_init(&t, 0);
    assert_int_equal(buf_adds(&t, "%PDF-1.5\n1 0 obj<</Type/Catalog>>endobj\n"),
                     ERR_OK);
    size_t x = t.len;
    assert_int_equal(buf_addf(&t,
                              "2 0 obj\n<< /Type /XRef /Size 3 /Root 1 0 R "
                              ">>\nstream\n\nendstream\nendobj\nstartxref\n"
                              "%zu\n%%%%EOF\n",
                              x),
                     ERR_OK);
    assert_true(request_pdf_ok(t.data, t.len));
    assert_false(request_pdf_ok(t.data, t.len - 3)); /* Cut in %%EOF. */
    buf_reset(&t);
    small_pdf(&t, 0);
    assert_true(request_pdf_ok(t.data, t.len));
    assert_int_equal(buf_adds(&t, "<html>"), ERR_OK);
    assert_false(request_pdf_ok(t.data, t.len));
    buf_reset(&t);
    assert_int_equal(buf_adds(&t, "%PDF-1.4\nxref\ntrailer\nstartxref\n"
                                  "99999\n%%EOF\n"),
                     ERR_OK);
    assert_false(request_pdf_ok(t.data, t.len));
    buf_cleanup(&t);
}

/* Documents per request are capped in number (dokumen_maks) and in size
 * (dokumen_maks_mb). */
static void
test_upload_capped_per_request(void **state)
{
    (void)state;
    struct store *st = NULL;
    assert_int_equal(store_open(fx.db, false, &st), ERR_OK);
    assert_int_equal(store_setting_set(st, "dokumen_maks", "3"), ERR_OK);
    store_close(st);
    struct client g;
    client_init(&g);
    assert_int_equal(login(&g, "guru2", PASSWORD), 200);
    struct buf pdf;
    buf_init(&pdf, 0);
    small_pdf(&pdf, 0);
    /* One is there from the test before. */
    assert_int_equal(upload(&g, buf_str(&pdf)), 200);
    assert_int_equal(upload(&g, buf_str(&pdf)), 200);
    assert_int_equal(upload(&g, buf_str(&pdf)), 422);
    assert_int_equal(store_open(fx.db, false, &st), ERR_OK);
    assert_int_equal(store_setting_set(st, "dokumen_maks", "20"), ERR_OK);
    assert_int_equal(store_setting_set(st, "dokumen_maks_mb", "1"), ERR_OK);
    store_close(st);
    /* Three small ones are in; the suite's body memory is 64 kB, so the
     * total of 1 MB is reached with pieces of 62 kB: 16 fit, not 17. */
    struct buf big;
    buf_init(&big, 0);
    small_pdf(&big, 62000);
    int n = 0;
    long st_code = 200;
    while (n < 20 && (st_code = upload(&g, buf_str(&big))) == 200) {
        n++;
    }
    print_message("# pieces of %zu bytes accepted under 1 MB: %d, then %ld\n",
                  big.len, n, st_code);
    assert_int_equal(n, 16);
    assert_int_equal(st_code, 413);
    buf_cleanup(&big);
    client_cleanup(&g);
    buf_cleanup(&pdf);
}

/* The first line that the shell command 'cmd' prints, into 'out'. */
static void
first_line(const char *cmd, char *out, size_t len)
{
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    out[0] = '\0';
    if (fgets(out, (int)len, p) == NULL) {
        out[0] = '\0';
    }
    out[strcspn(out, "\n")] = '\0';
    pclose(p);
}

/* Issue 18: the CSRF token is an HMAC of the session token under a
 * secret of the database, never stored in clear; it changes with the
 * session, and another session's token is refused. */
static void
test_csrf_token_derived_from_session(void **state)
{
    (void)state;
    struct client one;
    struct client two;
    client_init(&one);
    client_init(&two);
    assert_int_equal(login(&one, "kadis", PASSWORD), 200);
    assert_int_equal(login(&two, "kadis", PASSWORD), 200);
    assert_string_not_equal(one.csrf, two.csrf);
    char cmd[1600];
    char got[256];
    snprintf(cmd, sizeof(cmd),
             "%s '%s' %s\"SELECT count(*) FROM session WHERE csrf_token "
             "IN ('%s', '%s')\"",
             test_db_pg() ? "psql -XAt" : "sqlite3", fx.db,
             test_db_pg() ? "-c " : "", one.csrf, two.csrf);
    first_line(cmd, got, sizeof(got));
    assert_string_equal(got, "0");
    /* /api/me gives the same token again, from the session alone. */
    char again[64];
    assert_int_equal(call(&one, "GET", "/api/me", NULL, false), 200);
    field(&one, "csrf_token", again, sizeof(again));
    assert_string_equal(again, one.csrf);
    char mine[AUTH_CSRF_LEN + 1];
    snprintf(mine, sizeof(mine), "%s", one.csrf);
    snprintf(one.csrf, sizeof(one.csrf), "%s", two.csrf);
    assert_int_equal(call(&one, "POST", "/api/logout", NULL, true), 403);
    snprintf(one.csrf, sizeof(one.csrf), "%s", mine);
    assert_int_equal(call(&one, "POST", "/api/logout", NULL, true), 200);
    client_cleanup(&one);
    client_cleanup(&two);
}

/* Issue 18: the database and its WAL and SHM files are the owner's alone
 * (0600) under a umask of 022. */
static void
test_database_files_private(void **state)
{
    (void)state;
    char db[160];
    char path[180];
    if (test_db_pg() != NULL) {
        skip(); /* SQLite's files; PostgreSQL keeps its data to itself. */
    }
    snprintf(db, sizeof(db), "%s/private.db", fx.dir);
    mode_t old = umask(022);
    struct store *st = NULL;
    int from = 0;
    assert_int_equal(store_open(db, true, &st), ERR_OK);
    assert_int_equal(store_migrate(st, &from), ERR_OK);
    assert_int_equal(store_setting_set(st, "wke_menit", "72000"), ERR_OK);
    const char *ext[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        struct stat sb;
        snprintf(path, sizeof(path), "%s%s", db, ext[i]);
        assert_int_equal(stat(path, &sb), 0);
        if ((sb.st_mode & 0777) != 0600) {
            fail_msg("%s has mode %o", path, (unsigned)(sb.st_mode & 0777));
        }
    }
    store_close(st);
    umask(old);
    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof(path), "%s%s", db, ext[i]);
        unlink(path);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_slow_clients_do_not_starve_logged_in),
        cmocka_unit_test(test_header_deadline_not_extended_by_activity),
        cmocka_unit_test(test_login_throttle_behind_trusted_proxy),
        cmocka_unit_test(test_health_answers_without_a_session),
        cmocka_unit_test(test_over_share_gets_503_unless_logged_in),
        cmocka_unit_test(test_refused_before_body),
        cmocka_unit_test(test_body_memory_capped),
        cmocka_unit_test(test_login_throttle_spares_other_addresses),
        cmocka_unit_test(test_login_throttle_nat_two_accounts),
        cmocka_unit_test(test_login_throttle_exact_for_many_keys),
        cmocka_unit_test(test_login_cross_origin_refused),
        cmocka_unit_test(test_note_cut_on_character_boundary),
        cmocka_unit_test(test_control_characters_refused),
        cmocka_unit_test(test_upload_checks_pdf_structure),
        cmocka_unit_test(test_pdf_check_cases),
        cmocka_unit_test(test_upload_capped_per_request),
        cmocka_unit_test(test_csrf_token_derived_from_session),
        cmocka_unit_test(test_database_files_private),
    };
    return cmocka_run_group_tests(tests, setup_tuned, teardown);
}
