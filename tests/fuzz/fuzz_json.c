/* SPDX-License-Identifier: MIT */
/* libFuzzer target for json_obj_parse, the reader of every API body:
 * arbitrary bytes must never crash it, and whatever it accepts must come
 * out of json_obj_format in a form that reads back to the same text. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "json.h"
#include "mem.h"

/* Stays on under NDEBUG, unlike assert(). */
#define FUZZ_CHECK(cond) \
    do {                 \
        if (!(cond)) {   \
            abort();     \
        }                \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The getters the handlers use, on whatever came in. */
static void
read_fields(const struct json_obj *o)
{
    char text[64];
    (void)json_obj_text(o, "login", text, sizeof(text));
    (void)json_obj_text(o, "settings.nilai_slot", text, sizeof(text));
    size_t n = json_obj_len(o, "pilihan");
    for (size_t i = 0; i < n && i < 8; i++) {
        (void)json_obj_str_at(o, "pilihan", i, text, sizeof(text));
    }
    json_obj_destroy(json_obj_item(o, "rows", 0));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = xmalloc(size + 1);
    memcpy(text, data, size);
    text[size] = '\0';
    struct json_obj *o = NULL;
    if (json_obj_parse(text, &o) == ERR_OK) {
        read_fields(o);
        struct buf once;
        struct buf twice;
        buf_init(&once, 0);
        buf_init(&twice, 0);
        FUZZ_CHECK(json_obj_format(o, &once) == ERR_OK);
        struct json_obj *again = NULL;
        FUZZ_CHECK(json_obj_parse(buf_str(&once), &again) == ERR_OK);
        FUZZ_CHECK(json_obj_format(again, &twice) == ERR_OK);
        FUZZ_CHECK(once.len == twice.len &&
                   memcmp(once.data, twice.data, once.len) == 0);
        json_obj_destroy(again);
        buf_cleanup(&once);
        buf_cleanup(&twice);
    }
    json_obj_destroy(o);
    free(text);
    return 0;
}
