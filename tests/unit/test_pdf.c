/* SPDX-License-Identifier: MIT */
/* Tests of the PDF writer: a 300-row Lampiran paginates with its header
 * on every page and no row split, and the file renders with pdftoppm.
 * Uses the Debian poppler tools (pdfinfo, pdftotext, pdftoppm). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "pdf.h"
#include "sk.h"

static char dir[64];

static void
run(const char *cmd, struct buf *out)
{
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    char chunk[4096];
    size_t n = 0;
    while ((n = fread(chunk, 1, sizeof(chunk), p)) > 0) {
        assert_int_equal(buf_add(out, chunk, n), ERR_OK);
    }
    assert_int_equal(pclose(p), 0);
}

static int
count(const char *text, const char *needle)
{
    int n = 0;
    for (const char *p = strstr(text, needle); p; p = strstr(p + 1, needle)) {
        n++;
    }
    return n;
}

static void
test_pdf_lampiran_of_300_rows_paginates_with_headers(void **state)
{
    (void)state;
    char path[128];
    char cmd[300];
    snprintf(dir, sizeof(dir), "/tmp/mutasi-pdf-XXXXXX");
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof(path), "%s/lampiran.pdf", dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    struct pdf *p = NULL;
    assert_int_equal(pdf_create(f, &p), ERR_OK);
    struct pdf_style s = {11, true, PDF_CENTER, 0, 0, 2};
    pdf_par(p, &s, "LAMPIRAN");
    static const char *const headers[] = {
        "No.", "Nama / NIP", "Jabatan dan unit lama", "Jabatan dan unit baru"};
    static const double widths[] = {10, 50, 50, 50};
    enum { ROWS = 300 };
    char(*text)[4][96] = calloc(ROWS, sizeof(*text));
    const char **cells = calloc(ROWS * 4, sizeof(char *));
    for (int r = 0; r < ROWS; r++) {
        snprintf(text[r][0], 96, "%d", r + 1);
        snprintf(text[r][1], 96, "Pegawai Nomor %d\nNIP 1980010120050110%02d",
                 r + 1, r % 100);
        snprintf(text[r][2], 96, "Guru Kelas pada SD Negeri %d Mataram", r);
        snprintf(text[r][3], 96, "Guru Kelas pada SD Negeri %d Ampenan", r + 1);
        for (int k = 0; k < 4; k++) {
            cells[r * 4 + k] = text[r][k];
        }
    }
    pdf_table(p, headers, widths, 4, cells, ROWS);
    int pages = pdf_pages(p);
    assert_int_equal(pdf_close(p), ERR_OK);
    fclose(f);
    assert_true(pages >= 8);
    struct buf out;
    buf_init(&out, 0);
    snprintf(cmd, sizeof(cmd), "pdfinfo %s", path);
    run(cmd, &out);
    char want[32];
    snprintf(want, sizeof(want), " %d\n", pages);
    const char *line = strstr(buf_str(&out), "Pages:");
    assert_non_null(line);
    assert_non_null(strstr(line, want));
    buf_reset(&out);
    snprintf(cmd, sizeof(cmd), "pdftotext %s -", path);
    run(cmd, &out);
    /* The header on every page; every row, whole, exactly once. */
    assert_int_equal(count(buf_str(&out), "Jabatan dan unit lama"), pages);
    assert_int_equal(count(buf_str(&out), "Pegawai Nomor "), ROWS);
    assert_int_equal(count(buf_str(&out), "Pegawai Nomor 300"), 1);
    buf_reset(&out);
    snprintf(cmd, sizeof(cmd), "pdftoppm -r 20 -png %s %s/page && ls %s", path,
             dir, dir);
    run(cmd, &out);
    assert_int_equal(count(buf_str(&out), ".png"), pages);
    buf_cleanup(&out);
    snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
    free(text);
    free(cells);
}

static void
test_pdf_dates_are_written_in_indonesian(void **state)
{
    (void)state;
    char t[64];
    /* 2026-03-01 is day 20513 since 1970-01-01. */
    sk_date_text(20513, t, sizeof(t));
    assert_string_equal(t, "1 Maret 2026");
    sk_date_text(0, t, sizeof(t));
    assert_string_equal(t, "1 Januari 1970");
    sk_date_text(20818, t, sizeof(t));
    assert_string_equal(t, "31 Desember 2026");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pdf_lampiran_of_300_rows_paginates_with_headers),
        cmocka_unit_test(test_pdf_dates_are_written_in_indonesian),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
