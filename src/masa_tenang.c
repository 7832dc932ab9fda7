/* SPDX-License-Identifier: MIT */
/* masa_tenang: election periods parsed from their setting (core layer).
 * Pure: no store, no clock. */
#include "masa_tenang.h"

#include <stdio.h>
#include <string.h>

#include "date.h"
#include "diag.h"

#define RANGE_LEN 22 /* "YYYY-MM-DD..YYYY-MM-DD". */

static bool
blank(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r';
}

/* One period "FROM..TO LABEL" in the 'len' bytes at 'p' (trimmed). */
static enum err
parse_one(const char *p, size_t len, struct masa_tenang *out, char *why,
          size_t why_len)
{
    int32_t from = DATE_NONE;
    int32_t to = DATE_NONE;
    if (len < RANGE_LEN || strncmp(p + 10, "..", 2) != 0 ||
        date_parse(p, 10, &from) != ERR_OK ||
        date_parse(p + 12, 10, &to) != ERR_OK) {
        snprintf(why, why_len, "%s",
                 L_("harus DARI..SAMPAI LABEL dengan tanggal yang ada "
                    "(YYYY-MM-DD)",
                    "must be FROM..TO LABEL with real dates (YYYY-MM-DD)"));
        return ERR_INVAL;
    }
    if (to < from) {
        snprintf(why, why_len, "%s",
                 L_("berakhir sebelum dimulai", "ends before it starts"));
        return ERR_INVAL;
    }
    size_t a = RANGE_LEN;
    if (a < len && !blank(p[a])) {
        snprintf(why, why_len, "%s",
                 L_("perlu spasi sebelum label", "needs a space before the "
                                                 "label"));
        return ERR_INVAL;
    }
    while (a < len && blank(p[a])) {
        a++;
    }
    if (a == len || len - a >= MASA_TENANG_LABEL_LEN) {
        snprintf(why, why_len, "%s",
                 L_("perlu label (1-95 karakter), mis. Pilkada 2029",
                    "needs a label (1-95 characters), e.g. Pilkada 2029"));
        return ERR_INVAL;
    }
    out->dari = from;
    out->sampai = to;
    snprintf(out->label, sizeof(out->label), "%.*s", (int)(len - a), p + a);
    return ERR_OK;
}

/* The reason 'detail' for period 'n' ('text' 'len' bytes) into 'why'. */
static void
name_period(int n, const char *text, size_t len, const char *detail, char *why,
            size_t why_len)
{
    snprintf(why, why_len,
             L_("masa tenang ke-%d '%.*s': %s", "election period %d '%.*s': "
                                                "%s"),
             n, (int)(len > 60 ? 60 : len), text, detail);
}

enum err
masa_tenang_parse(const char *text, struct masa_tenang_list *out,
                  struct masa_tenang_where *at, char *why, size_t why_len)
{
    struct masa_tenang_list l;
    int line = 1;
    int col = 0;
    l.n = 0;
    for (const char *p = text; *p != '\0';) {
        size_t k = strcspn(p, ";\n");
        size_t a = 0;
        size_t b = k;
        while (a < k && blank(p[a])) {
            a++;
        }
        while (b > a && blank(p[b - 1])) {
            b--;
        }
        col++;
        if (b > a) {
            char detail[160];
            enum err rc = l.n < MASA_TENANG_MAX
                              ? parse_one(p + a, b - a, &l.items[l.n], detail,
                                          sizeof(detail))
                              : ERR_INVAL;
            if (rc != ERR_OK && l.n >= MASA_TENANG_MAX) {
                snprintf(detail, sizeof(detail),
                         L_("paling banyak %d masa tenang",
                            "at most %d election periods"),
                         MASA_TENANG_MAX);
            }
            if (rc != ERR_OK) {
                name_period((int)l.n + 1, p + a, b - a, detail, why, why_len);
                if (at != NULL) {
                    *at = (struct masa_tenang_where){line, col};
                }
                return rc;
            }
            l.n++;
        }
        if (p[k] == '\n') {
            line++;
            col = 0;
        }
        p += k + (p[k] != '\0');
    }
    *out = l;
    return ERR_OK;
}

void
masa_tenang_format(const struct masa_tenang_list *l, char *out, size_t len)
{
    size_t n = 0;
    out[0] = '\0';
    for (size_t i = 0; i < l->n && n < len; i++) {
        char from[DATE_STR_LEN];
        char to[DATE_STR_LEN];
        date_format(l->items[i].dari, from);
        date_format(l->items[i].sampai, to);
        int w = snprintf(out + n, len - n, "%s%s..%s %s", i ? "; " : "", from,
                         to, l->items[i].label);
        n += w > 0 ? (size_t)w : 0;
    }
}

const struct masa_tenang *
masa_tenang_covering(const struct masa_tenang_list *l, int32_t day)
{
    for (size_t i = 0; i < l->n; i++) {
        if (l->items[i].dari <= day && day <= l->items[i].sampai) {
            return &l->items[i];
        }
    }
    return NULL;
}

const struct masa_tenang *
masa_tenang_upcoming(const struct masa_tenang_list *l, int32_t day)
{
    const struct masa_tenang *next = masa_tenang_covering(l, day);
    if (next != NULL) {
        return next;
    }
    for (size_t i = 0; i < l->n; i++) {
        if (l->items[i].dari > day &&
            (next == NULL || l->items[i].dari < next->dari)) {
            next = &l->items[i];
        }
    }
    return next;
}

bool
masa_tenang_is_official(enum jabatan_jenis jenis, const char *kode,
                        const char *kepala)
{
    if (jenis == JAB_JPT || jenis == JAB_ADMINISTRATOR ||
        jenis == JAB_PENGAWAS) {
        return true;
    }
    size_t n = strlen(kode);
    for (const char *p = kepala; p != NULL && *p != '\0';) {
        while (*p == ' ' || *p == ';') {
            p++;
        }
        size_t k = strcspn(p, ";");
        size_t b = k;
        while (b > 0 && p[b - 1] == ' ') {
            b--;
        }
        if (b == n && n > 0 && strncmp(p, kode, n) == 0) {
            return true;
        }
        p += k;
    }
    return false;
}

int32_t
masa_tenang_due(int32_t day, int n)
{
    int32_t d = day;
    while (n > 0) {
        d++;
        /* Day 0, 1970-01-01, was a Thursday: Monday is 0 below. */
        int wd = (int)(((d % 7) + 7 + 3) % 7);
        n -= wd < 5;
    }
    return d;
}
