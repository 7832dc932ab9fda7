/* SPDX-License-Identifier: MIT */
/* err: the one error family of mutasi (base layer). Codes are for programs,
 * text is for people; the list is append only because codes land in logs. */
#ifndef MUTASI_ERR_H
#define MUTASI_ERR_H

#define MUST_USE __attribute__((warn_unused_result))

#define ERR_LIST(X)                                \
    X(OK, "success")                               \
    X(NOTFOUND, "not found")                       \
    X(TOOBIG, "input too large")                   \
    X(DB, "database error")                        \
    X(INVAL, "invalid input data")                 \
    X(USAGE, "usage error")                        \
    X(IO, "input/output error")                    \
    X(NOINPUT, "input missing or unreadable")      \
    X(UNAVAILABLE, "service unavailable")          \
    X(INTERNAL, "internal error")                  \
    X(CONFLICT, "conflict with the current state") \
    X(EXISTS, "already exists")                    \
    X(AUTH, "not logged in")                       \
    X(DENIED, "permission denied")                 \
    X(THROTTLED, "too many attempts")

enum err {
#define X(name, text) ERR_##name,
    ERR_LIST(X)
#undef X
};

/* The English text of 'e'; never NULL, "unknown error" for a bad code. */
const char *err_str(enum err e);

#endif
