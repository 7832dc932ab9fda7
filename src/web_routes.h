/* SPDX-License-Identifier: MIT */
/* web_routes: the route table of the API and what every route shares
 * (web layer): matching, the session, the CSRF check, the roles allowed
 * per route, the scope of each role, and the one place where error codes
 * become HTTP statuses (web_status()). */
#ifndef MUTASI_WEB_ROUTES_H
#define MUTASI_WEB_ROUTES_H

#include <stdbool.h>
#include <stdio.h>

#include "auth.h"
#include "err.h"
#include "web.h"

struct json_obj;

/* Roles as bits, for the route table. */
enum web_role {
    WEB_PEGAWAI = AUTH_PEGAWAI,
    WEB_KEPALA = AUTH_KEPALA,
    WEB_BKPSDM = AUTH_BKPSDM,
    WEB_TPK = AUTH_TPK,
    WEB_ADMIN = AUTH_ADMIN,
    WEB_PPK = AUTH_PPK
};

/* What a handler knows beyond the request: the account, once logged in
 * ('who' is NULL on public routes). */
struct web_call {
    const struct web_req *req;
    const struct auth_who *who;
    int role; /* enum web_role bit of 'who'; 0 when not logged in. */
};

/* Dispatch 'r' to its route into 'out' (the web_dispatch_fn of
 * web_start()). Every error becomes its status and the JSON error body of
 * contract section 7. */
MUST_USE enum err web_routes_dispatch(const struct web_req *r,
                                      struct web_resp *out);

/* The body cap of a request: WEB_DOC_MAX for a document upload, else
 * WEB_BODY_MAX (the body_cap of web_start()). */
#define WEB_DOC_MAX ((size_t)5 << 20)
size_t web_routes_body_cap(const char *method, const char *url);

/* The HTTP status of 'e'. */
int web_status(enum err e);
/* Put the message 'message' (Bahasa Indonesia) for the error that the
 * handler is about to return into 'out'; without it a general message
 * is used. */
void web_message(struct web_resp *out, const char *message);
/* Name the 'n' NIPs 'nips' in the error that the handler is about to
 * return ("nips" beside "code" and "message"). */
void web_error_nips(struct web_resp *out, const char *const *nips, size_t n);
/* Write 'o' as the JSON body of 'out' (200) and free it. */
MUST_USE enum err web_reply(struct web_resp *out, struct json_obj *o);
/* Answer a file that 'write' produces on a stream (a spreadsheet, a PDF)
 * with the static content type 'type'. The error of 'write', or ERR_IO
 * when the stream fails, and nothing is answered. */
MUST_USE enum err web_reply_file(struct web_resp *out,
                                 enum err (*write)(void *ctx, FILE *f),
                                 void *ctx, const char *type);
/* The content type of an XLSX workbook. */
#define WEB_XLSX_TYPE \
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* Scope (domain.md section 1), enforced here only. ERR_OK when the
 * caller may see unit 'unit' and its staff: bkpsdm, tpk and ppk all,
 * kepala_unit its own subtree; ERR_NOTFOUND otherwise (a refusal does not
 * tell whether the unit exists) or ERR_DB. */
MUST_USE enum err web_scope_unit(const struct web_call *c, const char *unit);
/* ERR_OK when the caller may see employee 'nip' posted at 'unit': a
 * pegawai only themselves; others as web_scope_unit(). */
MUST_USE enum err web_scope_employee(const struct web_call *c, const char *nip,
                                     const char *unit);

#endif
