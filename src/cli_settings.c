/* SPDX-License-Identifier: MIT */
/* cli_settings: 'mutasi settings get|set' (cli layer). A changed setting
 * is written to the audit log with its old and new value
 * (settings_store_set()). */
#include "cli_settings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "buf.h"
#include "cli_util.h"
#include "diag.h"
#include "masa_tenang.h"
#include "mem.h"
#include "settings.h"
#include "settings_store.h"
#include "store.h"

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
    for (size_t i = 0; i < settings_doc_count() && rc == ERR_OK; i++) {
        rc = print_one(st, settings_doc_at(i), true);
    }
    return rc;
}

/* Election periods read from file 'path': a bad one is named
 * FILE:LINE:COLUMN (the column is the period's number on its line). */
static enum err
periods_ok(const char *path, const char *value)
{
    struct masa_tenang_list l;
    struct masa_tenang_where at = {0, 0};
    char why[256] = "";
    enum err rc = masa_tenang_parse(value, &l, &at, why, sizeof(why));
    if (rc != ERR_OK) {
        cli_error("%s:%d:%d: %s", path, at.line, at.col, why);
    }
    return rc;
}

static enum err
set(struct store *st, const struct cli *c, const struct setting_def *def,
    const char *value, const char *path)
{
    char why[256] = "";
    char *norm = NULL;
    if (path != NULL && def->type == SETTING_PERIODS &&
        periods_ok(path, value) != ERR_OK) {
        return ERR_INVAL;
    }
    enum err rc = settings_store_set(st, c->actor, def->key, value, &norm, why,
                                     sizeof(why));
    if (rc == ERR_INVAL && strncmp(def->key, "pj_", 3) == 0 &&
        strstr(why, "pj_") != NULL) {
        cli_error("%s", why); /* The order of the bounds, not the value. */
    } else if (rc == ERR_INVAL) {
        cli_error(L_("nilai '%.60s' untuk %s tidak sah: %s",
                     "value '%.60s' for %s is not valid: %s"),
                  value, def->key, why);
    } else if (rc != ERR_OK) {
        cli_error("%s: %s", c->db_shown, store_errmsg(st));
    } else if (def->type == SETTING_IMAGE) {
        printf("%s=(%s, %zu base64)\n", def->key,
               norm[0] ? "PNG" : L_("kosong", "empty"), strlen(norm));
    } else {
        printf("%s=%s\n", def->key, norm);
    }
    free(norm);
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

/* The value of 'settings set KEY --file PATH': an image as base64, else
 * the file's text. NULL (the reason printed) when it cannot be read. */
static char *
value_from_file(const struct setting_def *def, const char *path, int *code)
{
    FILE *f = fopen(path, "rb");
    struct buf b;
    buf_init(&b, SETTINGS_VALUE_MAX / 4 * 3);
    char chunk[4096];
    size_t n = 0;
    enum err rc = f != NULL ? ERR_OK : ERR_NOTFOUND;
    while (rc == ERR_OK && (n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
        rc = buf_add(&b, chunk, n);
    }
    if (f != NULL && ferror(f)) {
        rc = ERR_IO;
    }
    if (f != NULL) {
        fclose(f);
    }
    char *out = NULL;
    char why[256] = "";
    if (rc == ERR_OK && def->type == SETTING_IMAGE) {
        out = auth_base64_encode(buf_str(&b), b.len);
        if (settings_store_image_ok(out, why, sizeof(why)) != ERR_OK) {
            free(out);
            out = NULL;
            rc = ERR_INVAL;
        }
    } else if (rc == ERR_OK) {
        out = xstrdup(buf_str(&b));
    }
    if (rc != ERR_OK) {
        cli_error("%s: %s", path,
                  why[0] ? why
                  : rc == ERR_TOOBIG
                      ? L_("berkas terlalu besar", "file too large")
                      : L_("tidak dapat dibaca", "cannot be read"));
        *code = cli_exit(rc);
    }
    buf_cleanup(&b);
    return out;
}

int
cli_settings_run(const struct cli *c, int argc, char **argv)
{
    const struct setting_def *def = NULL;
    bool is_get = argc >= 2 && strcmp(argv[1], "get") == 0;
    bool is_set = argc >= 2 && strcmp(argv[1], "set") == 0;
    bool from_file = is_set && argc == 5 && strcmp(argv[3], "--file") == 0;
    if (!(is_get && argc <= 3) && !(is_set && argc == 4) && !from_file) {
        return cli_usage("settings", "%s",
                         L_("pakai 'settings get [KUNCI]', 'settings set "
                            "KUNCI NILAI' atau 'settings set KUNCI --file "
                            "BERKAS'",
                            "use 'settings get [KEY]', 'settings set KEY "
                            "VALUE' or 'settings set KEY --file FILE'"));
    }
    int code = argc >= 3 ? check_key(argv[2], &def) : 0;
    if (code != 0) {
        return code;
    }
    char *value = NULL;
    if (from_file) {
        value = value_from_file(def, argv[4], &code);
        if (value == NULL) {
            return code;
        }
    }
    struct store *st = NULL;
    enum err rc = cli_store_open(c, false, &st);
    if (rc == ERR_OK && is_get) {
        rc = get(st, def ? def->key : NULL);
        if (rc != ERR_OK) {
            cli_error("%s: %s", c->db_shown, store_errmsg(st));
        }
    } else if (rc == ERR_OK) {
        rc = set(st, c, def, from_file ? value : argv[3],
                 from_file ? argv[4] : NULL);
    }
    free(value);
    store_close(st);
    return cli_exit(rc);
}
