/* SPDX-License-Identifier: MIT */
/* cli_user: accounts of the web app from the shell (cli layer). Every
 * change is written to the audit log. */
#include "cli_user.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "auth.h"
#include "cli_util.h"
#include "diag.h"
#include "model.h"
#include "store.h"

struct user_args {
    const char *role;
    const char *nip;
    const char *unit;
    enum cli_format format;
};

/* The password: one line from standard input when it is not a terminal
 * and holds one, else a new random one that is printed. */
static enum err
read_password(char *out, size_t len, bool *generated)
{
    *generated = false;
    if (!isatty(STDIN_FILENO) && fgets(out, (int)len, stdin) != NULL) {
        out[strcspn(out, "\r\n")] = '\0';
        if (out[0] != '\0') {
            return ERR_OK;
        }
    }
    char pw[17];
    auth_new_password(pw);
    snprintf(out, len, "%s", pw);
    *generated = true;
    return ERR_OK;
}

/* The account's links must exist: an employee for 'nip', a unit for
 * 'unit'. */
static enum err
check_links(struct store *st, const struct user_args *a)
{
    if (a->nip != NULL) {
        struct pegawai p;
        if (store_pegawai_get(st, a->nip, &p) != ERR_OK) {
            cli_error(
                L_("tidak ada pegawai dengan NIP %s", "no employee has NIP %s"),
                a->nip);
            return ERR_NOTFOUND;
        }
    }
    if (a->unit != NULL) {
        struct unit u;
        if (store_unit_get(st, a->unit, &u) != ERR_OK) {
            cli_error(L_("unit '%s' tidak ada", "unit '%s' does not exist"),
                      a->unit);
            return ERR_NOTFOUND;
        }
    }
    const char *role = a->role ? a->role : "";
    if (strcmp(role, "pegawai") == 0 && a->nip == NULL) {
        cli_error("%s", L_("akun pegawai memerlukan --nip",
                           "a pegawai account needs --nip"));
        return ERR_USAGE;
    }
    if (strcmp(role, "kepala_unit") == 0 && a->unit == NULL) {
        cli_error("%s", L_("akun kepala_unit memerlukan --unit",
                           "a kepala_unit account needs --unit"));
        return ERR_USAGE;
    }
    return ERR_OK;
}

static enum err
user_add(struct store *st, const struct cli *c, const char *login,
         const struct user_args *a)
{
    char pw[AUTH_PW_MAX + 2];
    bool generated = false;
    enum err rc = check_links(st, a);
    rc = rc == ERR_OK ? read_password(pw, sizeof(pw), &generated) : rc;
    struct store_user u = {login, NULL, a->role, a->nip, a->unit, true, NULL};
    rc = rc == ERR_OK ? auth_user_add(st, c->actor, &u, pw) : rc;
    if (rc == ERR_INVAL) { /* The role was checked with the options. */
        cli_error(L_("kata sandi harus %d sampai %d karakter",
                     "the password must have %d to %d characters"),
                  AUTH_PW_MIN, AUTH_PW_MAX);
    }
    if (rc == ERR_EXISTS) {
        cli_error(L_("akun '%s' sudah ada", "account '%s' exists"), login);
    }
    if (rc == ERR_OK) {
        printf("%s %s%s%s\n", login, a->role, generated ? " " : "",
               generated ? pw : "");
    }
    return rc;
}

static enum err
user_passwd(struct store *st, const struct cli *c, const char *login)
{
    char pw[AUTH_PW_MAX + 2];
    bool generated = false;
    enum err rc = read_password(pw, sizeof(pw), &generated);
    rc = rc == ERR_OK ? auth_user_passwd(st, c->actor, login, pw) : rc;
    if (rc == ERR_INVAL) {
        cli_error(L_("kata sandi harus %d sampai %d karakter",
                     "the password must have %d to %d characters"),
                  AUTH_PW_MIN, AUTH_PW_MAX);
    }
    if (rc == ERR_OK && generated) {
        printf("%s %s\n", login, pw);
    }
    return rc;
}

static enum err
user_active(struct store *st, const struct cli *c, const char *login,
            bool aktif)
{
    return auth_user_set_active(st, c->actor, login, aktif);
}

static enum err
list_row(void *ctx, const struct store_user *u)
{
    (void)ctx;
    printf("%-24s %-12s %-18s %-24s %s\n", u->login, u->role,
           u->nip ? u->nip : "-", u->unit ? u->unit : "-",
           u->aktif ? L_("aktif", "active") : L_("nonaktif", "disabled"));
    return ERR_OK;
}

static int
parse_user_args(int argc, char **argv, struct user_args *a)
{
    static const struct option opts[] = {{"role", required_argument, NULL, 'r'},
                                         {"nip", required_argument, NULL, 'n'},
                                         {"unit", required_argument, NULL, 'u'},
                                         {NULL, 0, NULL, 0}};
    int ch = 0;
    optind = 0;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (ch == 'r' && strcmp(optarg, "pimpinan") == 0) {
            return cli_usage("user",
                             L_("peran 'pimpinan' sudah dipisah menjadi dua: "
                                "tpk (pertimbangan Tim Penilai Kinerja) dan "
                                "ppk (keputusan PPK/PyB); satu akun tidak "
                                "memberi keduanya",
                                "the role 'pimpinan' is now two: tpk (the "
                                "performance-review team's consideration) "
                                "and ppk (the PPK's decision); one account "
                                "never gives both"));
        }
        if (ch == 'r' && auth_role_ok(optarg)) {
            a->role = optarg;
        } else if (ch == 'n') {
            a->nip = optarg;
        } else if (ch == 'u') {
            a->unit = optarg;
        } else {
            return cli_usage("user",
                             L_("opsi atau nilai tidak sah: '%s' (peran: "
                                "pegawai, kepala_unit, bkpsdm, tpk, ppk, "
                                "admin)",
                                "invalid option or value: '%s' (roles: "
                                "pegawai, kepala_unit, bkpsdm, tpk, ppk, "
                                "admin)"),
                             argv[optind - 1]);
        }
    }
    return 0;
}

int
cli_user_run(const struct cli *c, int argc, char **argv)
{
    struct user_args a = {NULL, NULL, NULL, CLI_TABLE};
    const char *verb = argc > 1 ? argv[1] : "";
    int code = parse_user_args(argc - 1, argv + 1, &a);
    if (code != 0) {
        return code;
    }
    const char *login = optind + 1 < argc ? argv[optind + 1] : NULL;
    bool is_list = strcmp(verb, "list") == 0;
    if ((!is_list && login == NULL) || (is_list && login != NULL) ||
        optind + 2 < argc || (strcmp(verb, "add") == 0 && a.role == NULL)) {
        return cli_usage("user", "%s",
                         L_("gunakan: user add LOGIN --role PERAN [--nip NIP] "
                            "[--unit KODE] | user passwd|disable|enable LOGIN "
                            "| user list",
                            "use: user add LOGIN --role ROLE [--nip NIP] "
                            "[--unit CODE] | user passwd|disable|enable LOGIN "
                            "| user list"));
    }
    if (auth_init() != ERR_OK) {
        cli_error("%s", "libsodium");
        return cli_exit(ERR_INTERNAL);
    }
    struct store *st = NULL;
    enum err rc = cli_store_open(c, false, &st);
    if (rc != ERR_OK) {
        return cli_exit(rc);
    }
    if (strcmp(verb, "add") == 0) {
        rc = user_add(st, c, login, &a);
    } else if (strcmp(verb, "passwd") == 0) {
        rc = user_passwd(st, c, login);
    } else if (strcmp(verb, "disable") == 0 || strcmp(verb, "enable") == 0) {
        rc = user_active(st, c, login, strcmp(verb, "enable") == 0);
    } else if (is_list) {
        rc = store_user_each(st, list_row, NULL);
    } else {
        store_close(st);
        return cli_usage(
            "user", L_("perintah '%s' tidak dikenal", "unknown command '%s'"),
            verb);
    }
    if (rc == ERR_NOTFOUND && login != NULL && strcmp(verb, "add") != 0) {
        cli_error(L_("akun '%s' tidak ada", "account '%s' does not exist"),
                  login);
    } else if (rc == ERR_DB || rc == ERR_UNAVAILABLE) {
        cli_error("%s: %s", c->db_shown, store_errmsg(st));
    }
    store_close(st);
    return cli_exit(rc);
}
