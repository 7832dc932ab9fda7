/* SPDX-License-Identifier: MIT */
/* cli_serve: the server's command (cli layer): parse the address, start
 * web.c with the route table, wait for a signal, stop cleanly. */
#include "cli_serve.h"

#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "auth.h"
#include "cli_util.h"
#include "diag.h"
#include "web.h"
#include "web_routes.h"

/* Split "ADDR:PORT" into 'addr' (64 bytes) and '*port'. */
static bool
parse_listen(const char *arg, char *addr, int *port)
{
    const char *colon = strrchr(arg, ':');
    char *end = NULL;
    if (colon == NULL || colon == arg || (size_t)(colon - arg) >= 64) {
        return false;
    }
    long p = strtol(colon + 1, &end, 10);
    if (colon[1] == '\0' || *end != '\0' || p < 0 || p > 65535) {
        return false;
    }
    memcpy(addr, arg, (size_t)(colon - arg));
    addr[colon - arg] = '\0';
    *port = (int)p;
    return true;
}

/* The options of 'serve' into 'cfg' (address and port into 'addr');
 * false on a bad one. */
static bool
parse_opts(int argc, char **argv, struct web_config *cfg, char *addr)
{
    static const struct option opts[] = {
        {"listen", required_argument, NULL, 'l'},
        {"threads", required_argument, NULL, 't'},
        {"secure-cookie", no_argument, NULL, 's'},
        {"max-conns", required_argument, NULL, 'm'},
        {"max-conns-per-ip", required_argument, NULL, 'i'},
        {"header-timeout", required_argument, NULL, 'h'},
        {"log", required_argument, NULL, 'g'},
        {"trusted-proxy", required_argument, NULL, 'p'},
        {NULL, 0, NULL, 0}};
    long threads = sysconf(_SC_NPROCESSORS_ONLN) * 2;
    long conns = WEB_CONNS_MAX;
    long per_ip = WEB_CONNS_PER_IP;
    long header_to = WEB_HEADER_TIMEOUT;
    int ch = 0;
    optind = 0;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        cfg->secure_cookie = cfg->secure_cookie || ch == 's';
        if (ch == 'g') {
            cfg->log_path = optarg;
        }
        if (ch == 'p') {
            cfg->trusted_proxies = optarg; /* Checked by web_start(). */
        }
        bool ok =
            ch == 's' || ch == 'g' || ch == 'p' ||
            (ch == 'l' && parse_listen(optarg, addr, &cfg->port)) ||
            (ch == 't' && cli_parse_long("serve", "--threads", optarg, 1, 256,
                                         &threads) == ERR_OK) ||
            (ch == 'm' && cli_parse_long("serve", "--max-conns", optarg, 1,
                                         100000, &conns) == ERR_OK) ||
            (ch == 'i' && cli_parse_long("serve", "--max-conns-per-ip", optarg,
                                         1, 100000, &per_ip) == ERR_OK) ||
            (ch == 'h' && cli_parse_long("serve", "--header-timeout", optarg, 1,
                                         3600, &header_to) == ERR_OK);
        if (!ok) {
            (void)cli_usage("serve",
                            L_("opsi atau nilai tidak sah: '%s' (--listen "
                               "ALAMAT:PORT)",
                               "invalid option or value: '%s' (--listen "
                               "ADDRESS:PORT)"),
                            argv[optind - 1]);
            return false;
        }
    }
    cfg->threads = (int)threads;
    cfg->max_conns = (int)conns;
    cfg->max_conns_per_ip = (int)per_ip;
    cfg->header_timeout = (int)header_to;
    return true;
}

int
cli_serve_run(const struct cli *c, int argc, char **argv)
{
    char addr[64] = "127.0.0.1";
    struct web_config cfg = {.db = c->db,
                             .address = addr,
                             .port = 8080,
                             .dispatch = web_routes_dispatch,
                             .admit = web_routes_admit,
                             .body_cap = web_routes_body_cap};
    if (!parse_opts(argc, argv, &cfg, addr)) {
        return cli_exit(ERR_USAGE);
    }
    if (optind != argc) {
        return cli_usage("serve", "%s",
                         L_("argumen berlebih", "unexpected arguments"));
    }
    if (auth_init() != ERR_OK) {
        cli_error("%s", "libsodium");
        return cli_exit(ERR_INTERNAL);
    }
    /* Block the stop signals in every thread; this one waits for them. */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    struct web *w = NULL;
    char why[512] = "";
    enum err rc = web_start(&cfg, why, sizeof(why), &w);
    if (rc != ERR_OK) {
        cli_error("%s: %s", c->db_shown, why);
        return cli_exit(rc);
    }
    printf(L_("mutasi melayani http://%s:%d/ (basis data %s); hentikan "
              "dengan Ctrl-C\n",
              "mutasi serving http://%s:%d/ (database %s); stop with "
              "Ctrl-C\n"),
           addr, web_port(w), c->db_shown);
    fflush(stdout);
    int sig = 0;
    /* SIGHUP: logrotate moved the log; open it again and go on. */
    while (sigwait(&stop, &sig) == 0 && sig == SIGHUP) {
        if (web_reopen_log(w) != ERR_OK) {
            cli_error(L_("log %s tidak dapat dibuka lagi; tetap menulis ke "
                         "berkas lama",
                         "log %s cannot be opened again; still writing to "
                         "the old file"),
                      cfg.log_path ? cfg.log_path : "-");
        }
    }
    web_stop(w);
    printf("%s\n", L_("mutasi berhenti", "mutasi stopped"));
    return 0;
}
