/* SPDX-License-Identifier: MIT */
/* err: text of the error codes (base layer). */
#include "err.h"

#include <stddef.h>

static const char *const err_text[] = {
#define X(name, text) [ERR_##name] = (text),
    ERR_LIST(X)
#undef X
};

const char *
err_str(enum err e)
{
    if ((unsigned)e >= sizeof(err_text) / sizeof(err_text[0])) {
        return "unknown error";
    }
    return err_text[e];
}
