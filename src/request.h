/* SPDX-License-Identifier: MIT */
/* request: the workflow of a single transfer request (service layer,
 * domain.md section 5), shared by the API and the shell: who may take
 * which action in which status and on which scope, what each step needs
 * (documents, a destination, a TMT) and what it writes. The doors only
 * parse and answer. */
#ifndef MUTASI_REQUEST_H
#define MUTASI_REQUEST_H

#include <stdbool.h>
#include <stdint.h>

#include "err.h"
#include "model.h"

struct store;
struct store_request;
struct permohonan;
struct auth_who;
struct tenang_izin;

/* The caller of a request action and the reason of a refusal. */
struct request_ctx {
    struct store *st;
    const struct auth_who *who;
    int role;      /* enum auth_role bit of 'who'. */
    char why[512]; /* For people, when a call fails; "" otherwise. */
};

/* The documents a request may carry (domain.md section 5), NULL-ended. */
extern const char *const request_doc_kinds[];
/* The status named 'word' (a closed request, dibatalkan, for a word
 * that is none). */
enum permohonan_status request_status_of(const char *word);
/* True when 'kind' is one of request_doc_kinds. */
bool request_doc_kind_ok(const char *kind);
/* True when the 'len' bytes 'data' are built as a PDF: the header
 * %PDF-1.x (or 2.0), %%EOF at the end, and a startxref pointing at a
 * cross-reference table with its trailer or at an xref stream (/Type
 * /XRef). A structure check, not a full parse: it refuses a page of HTML
 * behind "%PDF-" (issue 18). */
bool request_pdf_ok(const char *data, size_t len);

/* ERR_OK when the caller may see request 'r': a pegawai their own, a
 * head of unit those of staff in their subtree or asking for a unit in
 * it, bkpsdm, tpk and ppk all; ERR_NOTFOUND otherwise. */
MUST_USE enum err request_may_see(struct request_ctx *c,
                                  const struct store_request *r);

/* Create the draft 'p' of the caller (a pegawai, for themselves) into
 * '*id', with its audit entry, in one transaction. ERR_CONFLICT when they
 * have an open request already. */
MUST_USE enum err request_create(struct request_ctx *c,
                                 const struct permohonan *p, int64_t *id);

/* What an action is given besides its name. */
struct request_step_in {
    const char *action;
    const char *catatan; /* May be NULL; required to refuse or withdraw. */
    int64_t version;     /* The version the caller saw; -1: not checked. */
    int pilihan;         /* setujui_tujuan, tetapkan: the choice (1-5);
                          * 0 for the default. */
    int32_t tmt;         /* tetapkan: the TMT (the 1st of a month). */
    /* tetapkan: the Minister's written approval for a decision inside an
     * election period that changes an official's post (tenang.h); NULL
     * when none. */
    const struct tenang_izin *izin;
};

/* What a decision wrote. */
struct request_result {
    char sk_nomor[128]; /* tetapkan: the individual SK's number. */
    char plan[80];      /* tetapkan: the decision's record (its SK and
                         * Petikan are that plan's). */
};

/* Take action 'in' on request 'r' (as loaded; reloaded on ERR_OK). The
 * role is checked before the status: a role that may never take the
 * action gets ERR_DENIED whatever the status. ERR_CONFLICT when the
 * status or version moved on, ERR_INVAL for what the step lacks (a note,
 * documents, a TMT), each with 'c->why'. Nothing is written unless
 * ERR_OK. */
MUST_USE enum err request_act(struct request_ctx *c, struct store_request *r,
                              const struct request_step_in *in,
                              struct request_result *out);

/* The names of the actions the caller may take on 'r' now, by the very
 * checks of request_act(), into 'out' (room for 9) and '*n'. */
MUST_USE enum err request_actions(struct request_ctx *c,
                                  const struct store_request *r,
                                  const char **out, int *n);

/* Log step 'action' of request 'id' ('from' NULL for a new request,
 * 'to' the status reached or the document's kind, 'note' may be NULL) in
 * the audit, from which its timeline is read. */
MUST_USE enum err request_log(struct request_ctx *c, int64_t id,
                              const char *action, const char *from,
                              const char *to, const char *note);
/* Log the upload of a document of kind 'kind' from file 'file' on request
 * 'id' (its "after": the kind as "status", and "berkas"). */
MUST_USE enum err request_log_upload(struct request_ctx *c, int64_t id,
                                     const char *kind, const char *file);

#endif
