/* SPDX-License-Identifier: MIT */
/* csv: CSV rows over libcsv (io layer). libcsv parses; this module feeds it
 * one physical line at a time so that every row knows the line it starts
 * on, which error messages need. */
#include "csv.h"

/* libcsv's header shares our header's name: src/ is never an include path
 * for the program's own objects (see the Makefile), so <csv.h> is libcsv's
 * and "csv.h" ours. */
#include <csv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "mem.h"

struct csv_reader {
    struct csv_parser p;
    const char *file;
    csv_row_fn fn;
    void *ctx;
    struct diag *d;
    char delim;         /* 0 until the header line is seen. */
    bool pipe;          /* '|' may be the separator too. */
    bool bom_checked;   /* The first bytes were checked for a BOM. */
    struct buf pending; /* Bytes held back until the header line ends. */
    struct buf partial; /* Bytes of the current line fed so far. */
    long line;          /* Line of the bytes being fed, 1-based. */
    long row_line;      /* Line the current row starts on; 0 none yet. */
    bool after_cr;      /* The last byte fed was a CR, so a LF now ends no
                         * further line (CRLF is one line end). */
    struct buf fields;  /* Field bytes of the current row, NUL-separated. */
    size_t offs[CSV_FIELDS_MAX];
    size_t lens[CSV_FIELDS_MAX];
    int n_fields;
    enum err status; /* First error; the reader stops after one. */
};

/* libcsv grows its field buffer with this; refusing past the cap makes it
 * fail with CSV_ENOMEM, which we report as an overlong field. */
static void *
capped_realloc(void *ptr, size_t size)
{
    if (size > CSV_FIELD_MAX + 1024) {
        return NULL;
    }
    return realloc(ptr, size);
}

struct csv_reader *
csv_reader_create(const char *file, csv_row_fn fn, void *ctx, struct diag *d)
{
    struct csv_reader *r = xcalloc(1, sizeof(*r));
    if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
        abort(); /* csv_init fails only when out of memory. */
    }
    csv_set_realloc_func(&r->p, capped_realloc);
    r->file = file;
    r->fn = fn;
    r->ctx = ctx;
    r->d = d;
    r->line = 1;
    buf_init(&r->pending, 0);
    buf_init(&r->partial, 0);
    buf_init(&r->fields, 0);
    return r;
}

void
csv_reader_destroy(struct csv_reader *r)
{
    if (r == NULL) {
        return;
    }
    csv_free(&r->p);
    buf_cleanup(&r->pending);
    buf_cleanup(&r->partial);
    buf_cleanup(&r->fields);
    free(r);
}

char
csv_reader_delim(const struct csv_reader *r)
{
    if (r->delim != 0) {
        return r->delim;
    }
    return ',';
}

/* Number of continuation bytes after lead byte 'c', or -1 when 'c' cannot
 * start a character (a NUL counts as invalid too: fields are C strings). */
static int
utf8_extra(unsigned char c)
{
    if (c == 0) {
        return -1;
    }
    if (c < 0x80) {
        return 0;
    }
    if ((c >> 5) == 6) {
        return 1;
    }
    if ((c >> 4) == 14) {
        return 2;
    }
    if ((c >> 3) == 30) {
        return 3;
    }
    return -1;
}

static bool
utf8_valid(const unsigned char *s, size_t len)
{
    static const uint32_t min_cp[] = {0, 0x80, 0x800, 0x10000};
    size_t i = 0;
    while (i < len) {
        int n = utf8_extra(s[i]);
        if (n < 0 || i + (size_t)n >= len + (n == 0)) {
            return false;
        }
        uint32_t cp = n == 0 ? s[i] : s[i] & (0x3Fu >> n);
        for (int k = 1; k <= n; k++) {
            if ((s[i + (size_t)k] & 0xC0) != 0x80) {
                return false;
            }
            cp = (cp << 6) | (s[i + (size_t)k] & 0x3Fu);
        }
        if (cp < min_cp[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return false; /* Overlong, out of range, or a surrogate. */
        }
        i += (size_t)n + 1;
    }
    return true;
}

static void
fail(struct csv_reader *r, enum err rc, long line, const char *msg)
{
    if (r->status == ERR_OK) {
        diag_add(r->d, r->file, line, r->n_fields + 1, "%s", msg);
        r->status = rc;
    }
}

static void
on_field(void *data, size_t len, void *ctx)
{
    struct csv_reader *r = ctx;
    long line = r->row_line ? r->row_line : r->line;
    if (r->status != ERR_OK) {
        return;
    }
    if (len > CSV_FIELD_MAX) {
        fail(r, ERR_TOOBIG, line,
             L_("isi kolom terlalu panjang (lebih dari 65536 byte)",
                "field too long (more than 65536 bytes)"));
        return;
    }
    if (r->n_fields == CSV_FIELDS_MAX) {
        fail(r, ERR_TOOBIG, line,
             L_("terlalu banyak kolom dalam satu baris",
                "too many fields in one row"));
        return;
    }
    if (!utf8_valid(data, len)) {
        fail(r, ERR_INVAL, line,
             L_("isi kolom bukan teks UTF-8 yang sah (simpan berkas sebagai "
                "CSV UTF-8)",
                "field is not valid UTF-8 text (save the file as CSV UTF-8)"));
        return;
    }
    r->offs[r->n_fields] = r->fields.len;
    r->lens[r->n_fields] = len;
    if (buf_add(&r->fields, data, len) != ERR_OK ||
        buf_add(&r->fields, "", 1) != ERR_OK) {
        abort(); /* The field buffer has no cap. */
    }
    r->n_fields++;
}

static void
on_row(int term, void *ctx)
{
    struct csv_reader *r = ctx;
    const char *ptrs[CSV_FIELDS_MAX];
    (void)term;
    if (r->status == ERR_OK && r->n_fields > 0) {
        for (int i = 0; i < r->n_fields; i++) {
            ptrs[i] = r->fields.data + r->offs[i];
        }
        struct csv_row row = {r->row_line ? r->row_line : r->line, r->delim,
                              r->n_fields, ptrs, r->lens};
        r->status = r->fn(r->ctx, &row);
    }
    buf_reset(&r->fields);
    r->n_fields = 0;
    r->row_line = 0;
}

static bool
is_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n') {
            return false;
        }
    }
    return true;
}

static void
parse_error(struct csv_reader *r)
{
    long line = r->row_line ? r->row_line : r->line;
    if (csv_error(&r->p) == CSV_ENOMEM) {
        fail(r, ERR_TOOBIG, line,
             L_("isi kolom terlalu panjang (lebih dari 65536 byte)",
                "field too long (more than 65536 bytes)"));
        return;
    }
    fail(r, ERR_INVAL, line,
         L_("tanda kutip (\") salah tempat: kolom yang memuat tanda kutip "
            "harus diapit tanda kutip dan menggandakannya (\"\")",
            "misplaced quote (\"): a field holding quotes must be quoted and "
            "double them (\"\")"));
}

/* Feed one physical line (or the end of input without a newline). */
static void
feed_line(struct csv_reader *r, const char *s, size_t len)
{
    if (r->row_line == 0 && !is_blank(s, len)) {
        r->row_line = r->line;
    }
    if (csv_parse(&r->p, s, len, on_field, on_row, r) != len) {
        parse_error(r);
    }
    /* CRLF, LF and a lone CR (old Mac files) each end one line. */
    bool lf_of_crlf = r->after_cr && len == 1 && s[0] == '\n';
    if (len > 0 && (s[len - 1] == '\r' || s[len - 1] == '\n') && !lf_of_crlf) {
        r->line++;
    }
    r->after_cr = len > 0 && s[len - 1] == '\r';
}

/* The length of the next line of 'data': up to and including its first CR
 * or LF, or all of it. */
static size_t
line_len(const char *data, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (data[i] == '\n' || data[i] == '\r') {
            return i + 1;
        }
    }
    return len;
}

static void
feed_lines(struct csv_reader *r, const char *data, size_t len)
{
    while (len > 0 && r->status == ERR_OK) {
        size_t n = line_len(data, len);
        feed_line(r, data, n);
        data += n;
        len -= n;
    }
}

/* Where the header line starts: after any blank lines. */
static size_t
header_start(const char *s, size_t len)
{
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\n' || s[i] == '\r') {
            start = i + 1;
        } else if (s[i] != ' ' && s[i] != '\t') {
            break;
        }
    }
    return start;
}

/* True when 's' holds a whole header line: content, then a line end. */
static bool
has_header(const char *s, size_t len)
{
    size_t h = header_start(s, len);
    size_t n = line_len(s + h, len - h);
    return n > 0 && (s[h + n - 1] == '\n' || s[h + n - 1] == '\r');
}

/* Decide the separator from the header line: ';' when it has more of them
 * than commas outside quotes; with 'pipe', '|' when it has more of them
 * than of either. */
static char
detect_delim(const char *s, size_t len, bool pipe)
{
    size_t n_semi = 0;
    size_t n_comma = 0;
    size_t n_pipe = 0;
    bool quoted = false;
    for (size_t i = 0; i < len && (quoted || (s[i] != '\n' && s[i] != '\r'));
         i++) {
        if (s[i] == '"') {
            quoted = !quoted;
        } else if (!quoted && s[i] == ';') {
            n_semi++;
        } else if (!quoted && s[i] == ',') {
            n_comma++;
        } else if (!quoted && s[i] == '|') {
            n_pipe++;
        }
    }
    if (pipe && n_pipe > n_semi && n_pipe > n_comma) {
        return '|';
    }
    return n_semi > n_comma ? ';' : ',';
}

static void
start(struct csv_reader *r)
{
    const char *s = buf_str(&r->pending);
    size_t len = r->pending.len;
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
        s += 3;
        len -= 3;
    }
    size_t h = header_start(s, len);
    r->delim = detect_delim(s + h, len - h, r->pipe);
    csv_set_delim(&r->p, (unsigned char)r->delim);
    feed_lines(r, s, len);
    buf_cleanup(&r->pending);
}

enum err
csv_reader_feed(struct csv_reader *r, const char *data, size_t len)
{
    if (r->status != ERR_OK) {
        return r->status;
    }
    if (r->delim != 0) {
        feed_lines(r, data, len);
        return r->status;
    }
    if (buf_add(&r->pending, data, len) != ERR_OK) {
        abort(); /* No cap on 'pending'. */
    }
    if (has_header(r->pending.data, r->pending.len) ||
        r->pending.len > CSV_FIELD_MAX) {
        start(r);
    }
    return r->status;
}

enum err
csv_reader_finish(struct csv_reader *r)
{
    if (r->status == ERR_OK && r->delim == 0) {
        start(r);
    }
    if (r->status != ERR_OK) {
        return r->status;
    }
    if (csv_fini(&r->p, on_field, on_row, r) != 0) {
        fail(r, ERR_INVAL, r->row_line ? r->row_line : r->line,
             L_("tanda kutip tidak ditutup sampai akhir berkas",
                "quote not closed before the end of the file"));
    }
    return r->status;
}

void
csv_reader_allow_pipe(struct csv_reader *r)
{
    r->pipe = true;
}

enum err
csv_read_file(FILE *f, const char *file, csv_row_fn fn, void *ctx,
              struct diag *d)
{
    return csv_read_file_pipe(f, file, false, fn, ctx, d);
}

enum err
csv_read_file_pipe(FILE *f, const char *file, bool pipe, csv_row_fn fn,
                   void *ctx, struct diag *d)
{
    char chunk[65536];
    enum err rc = ERR_OK;
    struct csv_reader *r = csv_reader_create(file, fn, ctx, d);
    r->pipe = pipe;
    for (;;) {
        size_t n = fread(chunk, 1, sizeof(chunk), f);
        if (n > 0) {
            rc = csv_reader_feed(r, chunk, n);
        }
        if (rc != ERR_OK || n < sizeof(chunk)) {
            break;
        }
    }
    if (rc == ERR_OK && ferror(f)) {
        diag_add(d, file, 0, 0, "%s",
                 L_("gagal membaca berkas", "could not read the file"));
        rc = ERR_IO;
    }
    if (rc == ERR_OK) {
        rc = csv_reader_finish(r);
    }
    csv_reader_destroy(r);
    return rc;
}

/* With ',' a ';' is quoted too (lists inside a cell use it, contract
 * section 3); with ';' the decimal comma is not; with '|' (SIASN's
 * export) a '|' and a ';' are. */
static bool
needs_quotes(const char *s, char sep)
{
    size_t len = strlen(s);
    if (len > 0 && (s[0] == ' ' || s[0] == '\t' || s[len - 1] == ' ' ||
                    s[len - 1] == '\t')) {
        return true;
    }
    return strpbrk(s, sep == ','   ? ",;\"\r\n"
                      : sep == '|' ? "|;\"\r\n"
                                   : ";\"\r\n") != NULL;
}

enum err
csv_format_row(struct buf *out, const char *const *fields, int n)
{
    return csv_format_row_sep(out, fields, n, ',');
}

enum err
csv_format_row_sep(struct buf *out, const char *const *fields, int n, char sep)
{
    enum err rc = ERR_OK;
    for (int i = 0; i < n && rc == ERR_OK; i++) {
        const char *f = fields[i] ? fields[i] : "";
        if (i > 0) {
            rc = buf_add(out, &sep, 1);
        }
        if (rc != ERR_OK || !needs_quotes(f, sep)) {
            rc = rc == ERR_OK ? buf_adds(out, f) : rc;
            continue;
        }
        rc = buf_add(out, "\"", 1);
        for (const char *p = f; *p != '\0' && rc == ERR_OK; p++) {
            rc = *p == '"' ? buf_add(out, "\"\"", 2) : buf_add(out, p, 1);
        }
        rc = rc == ERR_OK ? buf_add(out, "\"", 1) : rc;
    }
    return rc == ERR_OK ? buf_add(out, "\n", 1) : rc;
}
