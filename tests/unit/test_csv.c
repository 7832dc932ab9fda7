/* SPDX-License-Identifier: MIT */
/* Unit tests of csv: rows and their start lines through the chunked
 * reader (quotes, CRLF, BOM, ';' files, blank lines), each kind of bad
 * input with its location, and minimal quoting that reads back. */
#include "csv.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "diag.h"

/* What the row callback saw: each row as "LINE<delim>f1|f2|...\n". */
struct collect {
    struct buf out;   /* The rows, described as above. */
    int n_rows;       /* Rows seen. */
    int stop_after;   /* Fail on this row (1-based); 0 never. */
    enum err stop_rc; /* What to fail with. */
    bool bad_lens;    /* A length disagreed with strlen(field). */
    size_t max_len;   /* Longest field seen. */
    struct diag *d;   /* Where the reader reports; NULL for nowhere. */
};

static enum err
collect_row(void *ctx, const struct csv_row *row)
{
    struct collect *c = ctx;
    c->n_rows++;
    if (c->stop_after > 0 && c->n_rows == c->stop_after) {
        return c->stop_rc;
    }
    assert_int_equal(buf_addf(&c->out, "%ld%c", row->line, row->delim), ERR_OK);
    for (int i = 0; i < row->n_fields; i++) {
        if (row->lens[i] != strlen(row->fields[i])) {
            c->bad_lens = true;
        }
        if (row->lens[i] > c->max_len) {
            c->max_len = row->lens[i];
        }
        if (row->lens[i] > 64) {
            /* Long fields are only measured, to keep 'out' readable. */
            assert_int_equal(
                buf_addf(&c->out, "%s<%zu>", i ? "|" : "", row->lens[i]),
                ERR_OK);
            continue;
        }
        assert_int_equal(
            buf_addf(&c->out, "%s%s", i ? "|" : "", row->fields[i]), ERR_OK);
    }
    assert_int_equal(buf_add(&c->out, "\n", 1), ERR_OK);
    return ERR_OK;
}

static void
collect_init(struct collect *c)
{
    memset(c, 0, sizeof(*c));
    buf_init(&c->out, 0);
}

/* Read the 'len' bytes of 'data' as "f.csv", in chunks of 'chunk' bytes
 * (0: one chunk), into 'c' with messages in c->d. Returns the first error
 * of a feed, else that of the finish. */
static enum err
read_chunks(const char *data, size_t len, size_t chunk, struct collect *c)
{
    enum err rc = ERR_OK;
    struct csv_reader *r = csv_reader_create("f.csv", collect_row, c, c->d);
    size_t step = chunk ? chunk : len;
    for (size_t pos = 0; pos < len && rc == ERR_OK; pos += step) {
        size_t n = len - pos < step ? len - pos : step;
        rc = csv_reader_feed(r, data + pos, n);
    }
    if (rc == ERR_OK) {
        rc = csv_reader_finish(r);
    }
    csv_reader_destroy(r);
    return rc;
}

/* Read the NUL-terminated 's' in one chunk and expect success and the
 * rows 'want'. */
static void
expect_rows(const char *s, const char *want)
{
    struct collect c;
    collect_init(&c);
    assert_int_equal(read_chunks(s, strlen(s), 0, &c), ERR_OK);
    assert_string_equal(buf_str(&c.out), want);
    assert_false(c.bad_lens);
    buf_cleanup(&c.out);
}

/* Read 'len' bytes of 's' in one chunk; expect ERR_INVAL with the first
 * message located at "f.csv:LINE:COL: " for line 'want_line', and the
 * rows before it as 'want_rows'. */
static void
expect_invalid(const char *s, size_t len, long want_line, const char *want_rows)
{
    struct collect c;
    struct diag d;
    char prefix[32];
    collect_init(&c);
    diag_init(&d, 10);
    c.d = &d;
    assert_int_equal(read_chunks(s, len, 0, &c), ERR_INVAL);
    assert_string_equal(buf_str(&c.out), want_rows);
    assert_true(d.n_lines >= 1);
    int n = snprintf(prefix, sizeof(prefix), "f.csv:%ld:", want_line);
    assert_true(n > 0);
    assert_memory_equal(d.lines[0], prefix, (size_t)n);
    /* Then the column: one or more digits, a colon and a space. */
    const char *p = d.lines[0] + n;
    assert_true(*p >= '1' && *p <= '9');
    while (*p >= '0' && *p <= '9') {
        p++;
    }
    assert_memory_equal(p, ": ", 2);
    assert_true(strlen(p) > 2);
    diag_cleanup(&d);
    buf_cleanup(&c.out);
}

static void
test_csv_simple_rows(void **state)
{
    (void)state;
    expect_rows("kode,nama\nA1,Dinas Pendidikan\nA2,RSUD\n",
                "1,kode|nama\n2,A1|Dinas Pendidikan\n3,A2|RSUD\n");
}

static void
test_csv_last_row_without_newline(void **state)
{
    (void)state;
    expect_rows("a,b\nc,d", "1,a|b\n2,c|d\n");
}

static void
test_csv_empty_fields_are_kept(void **state)
{
    (void)state;
    expect_rows("a,b,c\n,x,\n", "1,a|b|c\n2,|x|\n");
}

static void
test_csv_empty_input_gives_no_rows(void **state)
{
    (void)state;
    expect_rows("", "");
    expect_rows("\n\n", "");
}

static void
test_csv_quoted_field_keeps_comma(void **state)
{
    (void)state;
    expect_rows("a,b\n\"Jl. Merdeka, 1\",x\n", "1,a|b\n2,Jl. Merdeka, 1|x\n");
}

static void
test_csv_quoted_field_doubled_quote(void **state)
{
    (void)state;
    expect_rows("a,b\n\"say \"\"hi\"\"\",\"\"\n", "1,a|b\n2,say \"hi\"|\n");
}

static void
test_csv_quoted_newline_row_keeps_start_line(void **state)
{
    (void)state;
    expect_rows("a,b\n\"two\nlines\",x\nc,d\n\"three\n\nlines\",y\ne,f\n",
                "1,a|b\n2,two\nlines|x\n4,c|d\n5,three\n\nlines|y\n8,e|f\n");
}

static void
test_csv_crlf_line_ends(void **state)
{
    (void)state;
    expect_rows("a,b\r\nc,d\r\n\"x\r\ny\",z\r\ne,f\r\n",
                "1,a|b\n2,c|d\n3,x\r\ny|z\n5,e|f\n");
}

static void
test_csv_utf8_bom_is_skipped(void **state)
{
    (void)state;
    expect_rows("\xEF\xBB\xBFkode,nama\nA1,x\n", "1,kode|nama\n2,A1|x\n");
    /* A BOM-only file has no rows. */
    expect_rows("\xEF\xBB\xBF", "");
}

static void
test_csv_valid_utf8_is_accepted(void **state)
{
    (void)state;
    expect_rows(
        "nama\nJos\xC3\xA9\n\xE2\x82\xAC 5\n\xF0\x9F\x98\x80\n",
        "1,nama\n2,Jos\xC3\xA9\n3,\xE2\x82\xAC 5\n4,\xF0\x9F\x98\x80\n");
}

static void
test_csv_semicolon_detected_from_header(void **state)
{
    struct collect c;
    const char *s = "kode;nama;volume\nA1;Dinas, Kantor;2,5\n";
    (void)state;
    collect_init(&c);
    struct csv_reader *r = csv_reader_create("f.csv", collect_row, &c, NULL);
    assert_int_equal(csv_reader_delim(r), ',');
    assert_int_equal(csv_reader_feed(r, s, strlen(s)), ERR_OK);
    assert_int_equal(csv_reader_delim(r), ';');
    assert_int_equal(csv_reader_finish(r), ERR_OK);
    assert_int_equal(csv_reader_delim(r), ';');
    csv_reader_destroy(r);
    assert_string_equal(buf_str(&c.out),
                        "1;kode|nama|volume\n2;A1|Dinas, Kantor|2,5\n");
    buf_cleanup(&c.out);
}

static void
test_csv_semicolon_header_without_newline(void **state)
{
    (void)state;
    expect_rows("a;b;c", "1;a|b|c\n");
}

static void
test_csv_comma_wins_over_quoted_semicolons(void **state)
{
    (void)state;
    expect_rows("\"a;b;c\",d\nx,y\n", "1,a;b;c|d\n2,x|y\n");
    /* Equal counts keep the comma. */
    expect_rows("a;b,c\n", "1,a;b|c\n");
}

static void
test_csv_blank_lines_skipped_with_right_line_numbers(void **state)
{
    (void)state;
    expect_rows("a,b\n\n\nc,d\n   \n\r\n\te,f\n\n", "1,a|b\n4,c|d\n7,e|f\n");
    expect_rows("\n\na,b\n\nc,d\n", "3,a|b\n5,c|d\n");
}

static void
test_csv_reader_destroy_accepts_null(void **state)
{
    (void)state;
    csv_reader_destroy(NULL);
}

/* Read 's' in chunks of every size from 1 to 9 and expect the same rows
 * and result as one chunk. */
static void
expect_same_in_chunks(const char *s)
{
    struct collect whole;
    collect_init(&whole);
    enum err want = read_chunks(s, strlen(s), 0, &whole);
    for (size_t chunk = 1; chunk <= 9; chunk++) {
        struct collect c;
        collect_init(&c);
        assert_int_equal(read_chunks(s, strlen(s), chunk, &c), want);
        assert_string_equal(buf_str(&c.out), buf_str(&whole.out));
        buf_cleanup(&c.out);
    }
    buf_cleanup(&whole.out);
}

static void
test_csv_byte_by_byte_gives_same_rows(void **state)
{
    struct collect c;
    const char *s = "\xEF\xBB\xBFkode;nama;ket\r\n"
                    "\r\n"
                    "A1;\"Dinas; Pendidikan\";\"baris\r\nkedua\"\r\n"
                    "  \r\n"
                    "A2;\"say \"\"hi\"\"\";\r\n"
                    "A3;x;y";
    (void)state;
    collect_init(&c);
    assert_int_equal(read_chunks(s, strlen(s), 1, &c), ERR_OK);
    assert_string_equal(buf_str(&c.out),
                        "1;kode|nama|ket\n"
                        "3;A1|Dinas; Pendidikan|baris\r\nkedua\n"
                        "6;A2|say \"hi\"|\n"
                        "7;A3|x|y\n");
    buf_cleanup(&c.out);
    expect_same_in_chunks(s);
    expect_same_in_chunks("a,b\n\n\"x\ny\",z\n\n\nc,d\n");
}

static void
test_csv_unclosed_quote_reports_row_start_line(void **state)
{
    static const char s[] = "a,b\nc,d\ne,\"open\nmore\nlines\n";
    (void)state;
    expect_invalid(s, strlen(s), 3, "1,a|b\n2,c|d\n");
}

static void
test_csv_unclosed_quote_same_line_byte_by_byte(void **state)
{
    static const char s[] = "a,b\n\n\"open,\nx\n";
    struct collect c;
    struct diag d;
    (void)state;
    collect_init(&c);
    diag_init(&d, 10);
    c.d = &d;
    assert_int_equal(read_chunks(s, strlen(s), 1, &c), ERR_INVAL);
    assert_string_equal(buf_str(&c.out), "1,a|b\n");
    assert_int_equal(d.n_lines, 1);
    assert_memory_equal(d.lines[0], "f.csv:3:", 8);
    diag_cleanup(&d);
    buf_cleanup(&c.out);
}

static void
test_csv_misplaced_quote_reports_its_line(void **state)
{
    static const char s[] = "a,b\nc,d\ne,f\"g\nh,i\n";
    (void)state;
    expect_invalid(s, strlen(s), 3, "1,a|b\n2,c|d\n");
}

static void
test_csv_text_after_closing_quote_is_misplaced(void **state)
{
    static const char s[] = "a,b\n\"c\"d,e\n";
    (void)state;
    expect_invalid(s, strlen(s), 2, "1,a|b\n");
}

static void
test_csv_invalid_utf8_rejected(void **state)
{
    static const char *const bad[] = {
        "a,b\nx,\xff\n",             /* Never valid. */
        "a,b\n\xC3,x\n",             /* Lead byte without continuation. */
        "a,b\nx,\xC0\xAF\n",         /* Overlong '/'. */
        "a,b\nx,\xED\xA0\x80\n",     /* A surrogate. */
        "a,b\nx,\xF4\x90\x80\x80\n", /* Past U+10FFFF. */
        "a,b\nx,\xE2\x82\n",         /* Truncated euro sign. */
    };
    (void)state;
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        expect_invalid(bad[i], strlen(bad[i]), 2, "1,a|b\n");
    }
}

static void
test_csv_invalid_utf8_in_last_row_without_newline(void **state)
{
    static const char s[] = "a,b\nx,\xff";
    (void)state;
    expect_invalid(s, strlen(s), 2, "1,a|b\n");
}

static void
test_csv_nul_byte_in_field_rejected(void **state)
{
    static const char s[] = "a,b\nc\0d,e\n";
    (void)state;
    expect_invalid(s, sizeof(s) - 1, 2, "1,a|b\n");
}

/* A file "h,i\n" then a row whose first field is 'n' bytes 'x' (quoted
 * when 'quoted') and whose second is "y"; the caller frees it. */
static char *
long_field_file(size_t n, bool quoted, size_t *len)
{
    struct buf b;
    char *field = malloc(n);
    const char *quote = quoted ? "\"" : "";
    assert_non_null(field);
    memset(field, 'x', n);
    buf_init(&b, 0);
    assert_int_equal(buf_addf(&b, "h,i\n%s", quote), ERR_OK);
    assert_int_equal(buf_add(&b, field, n), ERR_OK);
    assert_int_equal(buf_addf(&b, "%s,y\n", quote), ERR_OK);
    free(field);
    *len = b.len;
    return buf_take(&b);
}

static void
test_csv_field_of_max_length_is_accepted(void **state)
{
    size_t len = 0;
    (void)state;
    for (int quoted = 0; quoted <= 1; quoted++) {
        char *s = long_field_file(CSV_FIELD_MAX, quoted, &len);
        struct collect c;
        collect_init(&c);
        assert_int_equal(read_chunks(s, len, 0, &c), ERR_OK);
        assert_int_equal(c.n_rows, 2);
        assert_int_equal(c.max_len, CSV_FIELD_MAX);
        buf_cleanup(&c.out);
        free(s);
    }
}

/* Expect ERR_TOOBIG for a field of 'n' bytes, reported at line 2. Frees
 * everything before asserting, so that a failure reports no leaks. */
static void
expect_too_big(size_t n, bool quoted, size_t chunk)
{
    size_t len = 0;
    char *s = long_field_file(n, quoted, &len);
    struct collect c;
    struct diag d;
    collect_init(&c);
    diag_init(&d, 10);
    c.d = &d;
    enum err rc = read_chunks(s, len, chunk, &c);
    int rows_cmp = strcmp(buf_str(&c.out), "1,h|i\n");
    bool located = d.n_lines == 1 && strncmp(d.lines[0], "f.csv:2:", 8) == 0;
    diag_cleanup(&d);
    buf_cleanup(&c.out);
    free(s);
    assert_int_equal(rc, ERR_TOOBIG);
    assert_int_equal(rows_cmp, 0);
    assert_true(located);
}

static void
test_csv_field_far_over_max_is_too_big(void **state)
{
    (void)state;
    expect_too_big((size_t)2 * CSV_FIELD_MAX, false, 0);
    expect_too_big((size_t)2 * CSV_FIELD_MAX, true, 0);
    expect_too_big((size_t)2 * CSV_FIELD_MAX, false, 4096);
}

static void
test_csv_field_one_over_max_is_too_big(void **state)
{
    (void)state;
    expect_too_big(CSV_FIELD_MAX + 1, false, 0);
    expect_too_big(CSV_FIELD_MAX + 1, true, 0);
}

static void
test_csv_callback_error_stops_reading(void **state)
{
    static const char s[] = "a\nb\nc\nd\n";
    struct collect c;
    (void)state;
    collect_init(&c);
    c.stop_after = 2;
    c.stop_rc = ERR_CONFLICT;
    struct csv_reader *r = csv_reader_create("f.csv", collect_row, &c, NULL);
    assert_int_equal(csv_reader_feed(r, s, strlen(s)), ERR_CONFLICT);
    assert_int_equal(c.n_rows, 2);
    /* The reader takes no more input and keeps the result. */
    assert_int_equal(csv_reader_feed(r, "e\n", 2), ERR_CONFLICT);
    assert_int_equal(csv_reader_finish(r), ERR_CONFLICT);
    assert_int_equal(c.n_rows, 2);
    csv_reader_destroy(r);
    assert_string_equal(buf_str(&c.out), "1,a\n");
    buf_cleanup(&c.out);
}

static void
test_csv_callback_error_on_last_row_from_finish(void **state)
{
    static const char s[] = "a\nb";
    struct collect c;
    (void)state;
    collect_init(&c);
    c.stop_after = 2;
    c.stop_rc = ERR_NOTFOUND;
    assert_int_equal(read_chunks(s, strlen(s), 0, &c), ERR_NOTFOUND);
    assert_int_equal(c.n_rows, 2);
    buf_cleanup(&c.out);
}

static void
test_csv_error_stops_later_feeds(void **state)
{
    struct collect c;
    (void)state;
    collect_init(&c);
    struct csv_reader *r = csv_reader_create("f.csv", collect_row, &c, NULL);
    assert_int_equal(csv_reader_feed(r, "a,b\nc\"d\n", 8), ERR_INVAL);
    assert_int_equal(csv_reader_feed(r, "e,f\n", 4), ERR_INVAL);
    assert_int_equal(csv_reader_finish(r), ERR_INVAL);
    csv_reader_destroy(r);
    assert_string_equal(buf_str(&c.out), "1,a|b\n");
    buf_cleanup(&c.out);
}

/* Format 'n' fields and compare with 'want'. */
static void
expect_format(const char *const *fields, int n, const char *want)
{
    struct buf b;
    buf_init(&b, 0);
    assert_int_equal(csv_format_row(&b, fields, n), ERR_OK);
    assert_string_equal(buf_str(&b), want);
    buf_cleanup(&b);
}

static void
test_csv_format_quotes_only_when_needed(void **state)
{
    static const char *const plain[] = {"A1", "Dinas Pendidikan", "12.5"};
    static const char *const comma[] = {"a,b"};
    static const char *const quote[] = {"say \"hi\""};
    static const char *const newline[] = {"two\nlines", "cr\rx"};
    static const char *const space[] = {" lead", "trail ", "\ttab"};
    static const char *const semi[] = {"a;b", ""};
    (void)state;
    expect_format(plain, 3, "A1,Dinas Pendidikan,12.5\n");
    expect_format(comma, 1, "\"a,b\"\n");
    expect_format(quote, 1, "\"say \"\"hi\"\"\"\n");
    expect_format(newline, 2, "\"two\nlines\",\"cr\rx\"\n");
    expect_format(space, 3, "\" lead\",\"trail \",\"\ttab\"\n");
    expect_format(semi, 2, "\"a;b\",\n");
}

static void
test_csv_format_appends_to_buffer(void **state)
{
    static const char *const row[] = {"x", "y"};
    struct buf b;
    (void)state;
    buf_init(&b, 0);
    assert_int_equal(csv_format_row(&b, row, 2), ERR_OK);
    assert_int_equal(csv_format_row(&b, row, 1), ERR_OK);
    assert_string_equal(buf_str(&b), "x,y\nx\n");
    buf_cleanup(&b);
}

static void
test_csv_format_reports_cap(void **state)
{
    static const char *const row[] = {"abcdefghij", "klmnopqrst"};
    struct buf b;
    (void)state;
    buf_init(&b, 8);
    assert_int_equal(csv_format_row(&b, row, 2), ERR_TOOBIG);
    buf_cleanup(&b);
}

/* One formatted row read back: its fields, compared in the callback. */
struct readback {
    const char *const *want; /* Expected fields. */
    int n_want;              /* Their count. */
    int n_rows;              /* Rows seen. */
};

static enum err
check_readback(void *ctx, const struct csv_row *row)
{
    struct readback *rb = ctx;
    rb->n_rows++;
    assert_int_equal(row->n_fields, rb->n_want);
    for (int i = 0; i < row->n_fields; i++) {
        assert_string_equal(row->fields[i], rb->want[i]);
        assert_int_equal(row->lens[i], strlen(rb->want[i]));
    }
    return ERR_OK;
}

static void
test_csv_formatted_row_reads_back_to_same_fields(void **state)
{
    static const char *const rows[][6] = {
        {"plain", "a,b", "say \"hi\"", "two\nlines", " lead", ""},
        {"trail ", "\t", "\"", "a;b;c", "\r\n", "x"},
        {"\"\"", ",", "Jos\xC3\xA9", "  ", "1,5", "end"},
        {"\xE2\x82\xAC", "a\"b\"c", ";", "x\n\ny", " ", "z"},
    };
    (void)state;
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        struct buf b;
        struct readback rb = {rows[i], 6, 0};
        buf_init(&b, 0);
        assert_int_equal(csv_format_row(&b, rows[i], 6), ERR_OK);
        for (size_t chunk = 0; chunk <= 1; chunk++) {
            rb.n_rows = 0;
            struct csv_reader *r =
                csv_reader_create("f.csv", check_readback, &rb, NULL);
            size_t step = chunk ? 1 : b.len;
            for (size_t pos = 0; pos < b.len; pos += step) {
                assert_int_equal(csv_reader_feed(r, b.data + pos, step),
                                 ERR_OK);
            }
            assert_int_equal(csv_reader_finish(r), ERR_OK);
            assert_int_equal(csv_reader_delim(r), ',');
            csv_reader_destroy(r);
            assert_int_equal(rb.n_rows, 1);
        }
        buf_cleanup(&b);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csv_simple_rows),
        cmocka_unit_test(test_csv_last_row_without_newline),
        cmocka_unit_test(test_csv_empty_fields_are_kept),
        cmocka_unit_test(test_csv_empty_input_gives_no_rows),
        cmocka_unit_test(test_csv_quoted_field_keeps_comma),
        cmocka_unit_test(test_csv_quoted_field_doubled_quote),
        cmocka_unit_test(test_csv_quoted_newline_row_keeps_start_line),
        cmocka_unit_test(test_csv_crlf_line_ends),
        cmocka_unit_test(test_csv_utf8_bom_is_skipped),
        cmocka_unit_test(test_csv_valid_utf8_is_accepted),
        cmocka_unit_test(test_csv_semicolon_detected_from_header),
        cmocka_unit_test(test_csv_semicolon_header_without_newline),
        cmocka_unit_test(test_csv_comma_wins_over_quoted_semicolons),
        cmocka_unit_test(test_csv_blank_lines_skipped_with_right_line_numbers),
        cmocka_unit_test(test_csv_reader_destroy_accepts_null),
        cmocka_unit_test(test_csv_byte_by_byte_gives_same_rows),
        cmocka_unit_test(test_csv_unclosed_quote_reports_row_start_line),
        cmocka_unit_test(test_csv_unclosed_quote_same_line_byte_by_byte),
        cmocka_unit_test(test_csv_misplaced_quote_reports_its_line),
        cmocka_unit_test(test_csv_text_after_closing_quote_is_misplaced),
        cmocka_unit_test(test_csv_invalid_utf8_rejected),
        cmocka_unit_test(test_csv_invalid_utf8_in_last_row_without_newline),
        cmocka_unit_test(test_csv_nul_byte_in_field_rejected),
        cmocka_unit_test(test_csv_field_of_max_length_is_accepted),
        cmocka_unit_test(test_csv_field_far_over_max_is_too_big),
        cmocka_unit_test(test_csv_field_one_over_max_is_too_big),
        cmocka_unit_test(test_csv_callback_error_stops_reading),
        cmocka_unit_test(test_csv_callback_error_on_last_row_from_finish),
        cmocka_unit_test(test_csv_error_stops_later_feeds),
        cmocka_unit_test(test_csv_format_quotes_only_when_needed),
        cmocka_unit_test(test_csv_format_appends_to_buffer),
        cmocka_unit_test(test_csv_format_reports_cap),
        cmocka_unit_test(test_csv_formatted_row_reads_back_to_same_fields),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
