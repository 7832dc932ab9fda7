/* SPDX-License-Identifier: MIT */
/* libFuzzer target: arbitrary bytes through the CSV reader and the record
 * parser of one data kind (chosen by the first byte), as an import reads a
 * file. Checks that nothing crashes or leaks, that every diag message has
 * the "f.csv:" location, and that every row that parses formats to a CSV
 * line that reads back to the very same line (export re-imports). */
#include <assert.h>
#include <stdint.h>
#include <string.h>

#include "csv.h"
#include "diag.h"
#include "model.h"
#include "rec.h"

struct fuzz_ctx {
    enum rec_kind kind;
    struct rec_reader rr;
    bool header_done;
    struct diag d;
};

/* Parse record row 'row' of kind 'kind' and append its CSV form to
 * 'out'. */
static enum err
parse_format(enum rec_kind kind, struct rec_reader *rr,
             const struct csv_row *row, struct buf *out)
{
    enum err rc = ERR_OK;
    union {
        struct unit u;
        struct jabatan j;
        struct beban b;
        struct pegawai p;
        struct permohonan r;
        struct kinerja k;
    } v;
    switch (kind) {
    case REC_UNIT:
        rc = rec_unit_parse(rr, row, &v.u);
        return rc == ERR_OK ? rec_unit_format(&v.u, out) : rc;
    case REC_JABATAN:
        rc = rec_jabatan_parse(rr, row, &v.j);
        return rc == ERR_OK ? rec_jabatan_format(&v.j, out) : rc;
    case REC_BEBAN:
        rc = rec_beban_parse(rr, row, &v.b);
        return rc == ERR_OK ? rec_beban_format(&v.b, out) : rc;
    case REC_PEGAWAI:
        rc = rec_pegawai_parse(rr, row, &v.p);
        return rc == ERR_OK ? rec_pegawai_format(&v.p, out) : rc;
    case REC_KINERJA:
        rc = rec_kinerja_parse(rr, row, &v.k);
        return rc == ERR_OK ? rec_kinerja_format(&v.k, out) : rc;
    default:
        rc = rec_permohonan_parse(rr, row, &v.r);
        return rc == ERR_OK ? rec_permohonan_format(&v.r, out) : rc;
    }
}

/* Reads back a formatted line under the kind's own header. */
struct echo {
    enum rec_kind kind;
    struct rec_reader rr;
    bool header_done;
    int n_rows;
    struct buf again;
};

static enum err
echo_row(void *ctx, const struct csv_row *row)
{
    struct echo *e = ctx;
    if (!e->header_done) {
        rec_reader_init(&e->rr, e->kind, "g.csv", row->delim, NULL);
        e->header_done = true;
        return rec_header_parse(&e->rr, row);
    }
    e->n_rows++;
    return parse_format(e->kind, &e->rr, row, &e->again);
}

/* A formatted record must read back to itself: export re-imports to the
 * same data. */
static void
check_round_trip(enum rec_kind kind, const struct buf *line)
{
    struct echo e;
    struct buf text;
    memset(&e, 0, sizeof(e));
    e.kind = kind;
    buf_init(&e.again, 0);
    buf_init(&text, 0);
    enum err rc = rec_header_format(kind, &text);
    rc = rc == ERR_OK ? buf_add(&text, line->data, line->len) : rc;
    struct csv_reader *r = csv_reader_create("g.csv", echo_row, &e, NULL);
    rc = rc == ERR_OK ? csv_reader_feed(r, text.data, text.len) : rc;
    rc = rc == ERR_OK ? csv_reader_finish(r) : rc;
    csv_reader_destroy(r);
    assert(rc == ERR_OK && e.n_rows == 1);
    assert(e.again.len == line->len &&
           memcmp(e.again.data, line->data, line->len) == 0);
    if (e.header_done) {
        rec_reader_cleanup(&e.rr);
    }
    buf_cleanup(&e.again);
    buf_cleanup(&text);
}

static void
check_format(struct fuzz_ctx *fx, const struct csv_row *row)
{
    struct buf out;
    buf_init(&out, 0);
    enum err rc = parse_format(fx->kind, &fx->rr, row, &out);
    assert(rc == ERR_OK || rc == ERR_INVAL);
    if (rc == ERR_OK) {
        assert(out.len > 0 && out.data[out.len - 1] == '\n');
        check_round_trip(fx->kind, &out);
    }
    buf_cleanup(&out);
}

static enum err
on_row(void *ctx, const struct csv_row *row)
{
    struct fuzz_ctx *fx = ctx;
    assert(row->line >= 1);
    if (!fx->header_done) {
        rec_reader_init(&fx->rr, fx->kind, "f.csv", row->delim, &fx->d);
        fx->header_done = true;
        return rec_header_parse(&fx->rr, row);
    }
    if (!rec_row_is_empty(row)) {
        check_format(fx, row);
    }
    return ERR_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fuzz_ctx fx;
    if (size < 1) {
        return 0;
    }
    memset(&fx, 0, sizeof(fx));
    fx.kind = (enum rec_kind)(data[0] % REC_N_KINDS);
    diag_init(&fx.d, DIAG_MAX_DEFAULT);
    struct csv_reader *r = csv_reader_create("f.csv", on_row, &fx, &fx.d);
    /* Two chunks, split where the second byte says, as files arrive. */
    size_t split = size > 2 ? 1 + data[1] % (size - 1) : size;
    enum err rc = csv_reader_feed(r, (const char *)data + 1, split - 1);
    if (rc == ERR_OK) {
        rc = csv_reader_feed(r, (const char *)data + split, size - split);
    }
    if (rc == ERR_OK) {
        rc = csv_reader_finish(r);
    }
    csv_reader_destroy(r);
    for (size_t i = 0; i < fx.d.n_lines; i++) {
        assert(strncmp(fx.d.lines[i], "f.csv:", 6) == 0);
    }
    if (fx.header_done) {
        rec_reader_cleanup(&fx.rr);
    }
    diag_cleanup(&fx.d);
    return 0;
}
