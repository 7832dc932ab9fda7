/* SPDX-License-Identifier: MIT */
/* docreg: the register of the documents issued (service layer): every
 * SK, Petikan, surat tugas, berita acara and report to the Ministry
 * (laporan_mendagri, tenang.h) gets one row at its first
 * print, with the SHA-256 of its bytes. A later print whose bytes differ
 * (the settings changed since) is marked SALINAN and written to the audit
 * log; the register keeps the first hash. */
#ifndef MUTASI_DOCREG_H
#define MUTASI_DOCREG_H

#include <stdbool.h>
#include <stdio.h>

#include "err.h"

struct store;
struct json_obj;
struct buf;

/* What is issued. */
struct docreg_doc {
    const char *jenis;   /* sk, petikan, surat_tugas, berita_acara,
                          * laporan_mendagri. */
    const char *plan;    /* The plan's name. */
    const char *nip;     /* NULL for sk and berita_acara. */
    const char *nomor;   /* The document's number. */
    const char *tanggal; /* Its date, YYYY-MM-DD. */
    const char *actor;   /* Who prints it, for the audit log. */
};

/* Draws the document into 'f', with a visible SALINAN mark when
 * 'salinan'. */
typedef enum err docreg_draw_fn(void *ctx, FILE *f, bool salinan);

/* Draw document 'd' with 'draw', register its first issue (or compare
 * with it, as the header says) in one transaction, and write the bytes
 * to 'f'. The errors of 'draw'; ERR_DB (store_errmsg()); ERR_IO. */
MUST_USE enum err docreg_issue(struct store *st, const struct docreg_doc *d,
                               docreg_draw_fn *draw, void *ctx, FILE *f);
/* The register as {"rows": [{"nomor", "tanggal", "jenis", "plan", "nip",
 * "sha256", "pertama_terbit"}]} into 'o', in the order issued. */
MUST_USE enum err docreg_json(struct store *st, struct json_obj *o);
/* The register as CSV (the same columns, a header row) into 'out'. */
MUST_USE enum err docreg_csv(struct store *st, struct buf *out);

#endif
