/* SPDX-License-Identifier: MIT */
/* cli_settings: 'mutasi settings get|set' (cli layer). A changed setting
 * is written to the audit log with its old and new value. */
#include "cli_settings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli_util.h"
#include "diag.h"
#include "json.h"
#include "mem.h"
#include "num.h"
#include "settings.h"
#include "store.h"

#define VALUE_MAX 512

/* The value in force: stored, else the default. The caller frees it. */
static enum err
current(struct store *st, const struct setting_def *def, char **out)
{
    enum err rc = store_setting_get(st, def->key, out);
    if (rc == ERR_NOTFOUND) {
        *out = xstrdup(def->dflt);
        rc = *out ? ERR_OK : ERR_INTERNAL;
    }
    return rc;
}

static enum err
print_one(struct store *st, const struct setting_def *def, bool with_key)
{
    char *v = NULL;
    enum err rc = current(st, def, &v);
    if (rc == ERR_OK) {
        printf(with_key ? "%s=%s\n" : "%.0s%s\n", def->key, v);
    }
    free(v);
    return rc;
}

static enum err
get(struct store *st, const char *key)
{
    enum err rc = ERR_OK;
    if (key != NULL) {
        return print_one(st, settings_find(key), false);
    }
    for (size_t i = 0; i < settings_count() && rc == ERR_OK; i++) {
        rc = print_one(st, settings_at(i), true);
    }
    return rc;
}

static enum err
audit_change(struct store *st, const char *actor, const char *key,
             const char *before, const char *after)
{
    struct json_obj *b = json_obj_create();
    struct json_obj *a = json_obj_create();
    struct buf bt;
    struct buf at;
    buf_init(&bt, 0);
    buf_init(&at, 0);
    json_obj_set_str(b, key, before);
    json_obj_set_str(a, key, after);
    enum err rc = json_obj_format(b, &bt);
    rc = rc == ERR_OK ? json_obj_format(a, &at) : rc;
    struct store_audit e = {actor, "settings",   key,
                            "set", buf_str(&bt), buf_str(&at)};
    rc = rc == ERR_OK ? store_audit_add(st, &e) : rc;
    json_obj_destroy(b);
    json_obj_destroy(a);
    buf_cleanup(&bt);
    buf_cleanup(&at);
    return rc;
}

/* The PJ bounds must not rise from A to D. 'key' is about to become
 * 'value'; the others are read as in force. */
static enum err
check_pj_order(struct store *st, const char *key, const char *value)
{
    static const char *const keys[] = {"pj_a", "pj_b", "pj_c", "pj_d"};
    int64_t v[4];
    enum err rc = ERR_OK;
    for (int i = 0; i < 4 && rc == ERR_OK; i++) {
        char *text = NULL;
        if (strcmp(keys[i], key) == 0) {
            text = xstrdup(value);
        } else {
            rc = current(st, settings_find(keys[i]), &text);
        }
        if (rc == ERR_OK &&
            (text == NULL ||
             num_parse_fixed(text, strlen(text), 3, false, &v[i]) != NUM_OK)) {
            rc = ERR_INTERNAL;
        }
        free(text);
    }
    for (int i = 1; i < 4 && rc == ERR_OK; i++) {
        if (v[i] > v[i - 1]) {
            cli_error(L_("batas %s tidak boleh lebih besar dari %s",
                         "bound %s must not be greater than %s"),
                      keys[i], keys[i - 1]);
            rc = ERR_INVAL;
        }
    }
    return rc;
}

static enum err
set(struct store *st, const struct cli *c, const struct setting_def *def,
    const char *value)
{
    char norm[VALUE_MAX];
    char why[256];
    char *old = NULL;
    if (settings_normalize(def, value, norm, sizeof(norm), why, sizeof(why)) !=
        ERR_OK) {
        cli_error(L_("nilai '%s' untuk %s tidak sah: %s",
                     "value '%s' for %s is not valid: %s"),
                  value, def->key, why);
        return ERR_INVAL;
    }
    enum err rc = store_begin(st);
    if (rc == ERR_OK && strncmp(def->key, "pj_", 3) == 0) {
        rc = check_pj_order(st, def->key, norm);
        if (rc == ERR_INVAL) {
            store_rollback(st);
            return rc;
        }
    }
    rc = rc == ERR_OK ? current(st, def, &old) : rc;
    rc = rc == ERR_OK ? store_setting_set(st, def->key, norm) : rc;
    rc = rc == ERR_OK ? audit_change(st, c->actor, def->key, old, norm) : rc;
    rc = rc == ERR_OK ? store_commit(st) : rc;
    if (rc != ERR_OK) {
        store_rollback(st);
        cli_error("%s: %s", c->db, store_errmsg(st));
    } else {
        printf("%s=%s\n", def->key, norm);
    }
    free(old);
    return rc;
}

static int
check_key(const char *key, const struct setting_def **out)
{
    *out = settings_find(key);
    if (*out == NULL) {
        return cli_usage("settings",
                         L_("pengaturan '%s' tidak dikenal; 'mutasi settings "
                            "get' menampilkan semuanya",
                            "unknown setting '%s'; 'mutasi settings get' "
                            "lists them all"),
                         key);
    }
    return 0;
}

int
cli_settings_run(const struct cli *c, int argc, char **argv)
{
    const struct setting_def *def = NULL;
    bool is_get = argc >= 2 && strcmp(argv[1], "get") == 0;
    bool is_set = argc >= 2 && strcmp(argv[1], "set") == 0;
    if (!(is_get && argc <= 3) && !(is_set && argc == 4)) {
        return cli_usage("settings", "%s",
                         L_("pakai 'settings get [KUNCI]' atau 'settings set "
                            "KUNCI NILAI'",
                            "use 'settings get [KEY]' or 'settings set KEY "
                            "VALUE'"));
    }
    int code = argc >= 3 ? check_key(argv[2], &def) : 0;
    if (code != 0) {
        return code;
    }
    struct store *st = NULL;
    enum err rc = cli_store_open(c, false, &st);
    if (rc == ERR_OK && is_get) {
        rc = get(st, def ? def->key : NULL);
        if (rc != ERR_OK) {
            cli_error("%s: %s", c->db, store_errmsg(st));
        }
    } else if (rc == ERR_OK) {
        rc = set(st, c, def, argv[3]);
    }
    store_close(st);
    return cli_exit(rc);
}
