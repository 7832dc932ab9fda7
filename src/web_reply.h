/* SPDX-License-Identifier: MIT */
/* web_reply: what a handler of the API is given and how it answers (web
 * layer): the call with the caller's account and role, the JSON and file
 * answers, and the message of an error. Handler modules include this and
 * web_scope.h, never web_routes.h. */
#ifndef MUTASI_WEB_REPLY_H
#define MUTASI_WEB_REPLY_H

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
/* The roles that read everything of the government. */
#define WEB_HR (WEB_BKPSDM | WEB_TPK | WEB_PPK)

/* What a handler knows beyond the request: the account, once logged in
 * ('who' is NULL on public routes). */
struct web_call {
    const struct web_req *req;
    const struct auth_who *who;
    int role; /* enum web_role bit of 'who'; 0 when not logged in. */
};

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

#endif
