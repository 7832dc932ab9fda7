/* SPDX-License-Identifier: MIT */
/* Unit tests of tree: parents, roots and OPD groups (contract section 4:
 * the nearest opd, kecamatan or rsud on the path to the root, itself
 * included, else the root), bad trees, and a very deep chain. */
#include "tree.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "model.h"

#define DEEP_CHAIN 100000

/* Add unit 'kode' of 'jenis' under 'induk' (NULL: a root) to 't'. */
static void
add(struct tree *t, const char *kode, const char *induk, enum unit_jenis jenis)
{
    struct unit u = {
        .kode = kode,
        .nama = kode,
        .induk = induk,
        .jenis = jenis,
        .kecamatan = NULL,
        .lat = MODEL_COORD_NONE,
        .lon = MODEL_COORD_NONE,
    };
    tree_add(t, &u);
}

/* Index of 'kode', which must be in 't'. */
static size_t
idx(const struct tree *t, const char *kode)
{
    long i = tree_find(t, kode);
    assert_true(i >= 0);
    return (size_t)i;
}

/* The code of the OPD group of 'kode'. */
static const char *
opd_of(const struct tree *t, const char *kode)
{
    return tree_unit(t, tree_opd(t, idx(t, kode)))->kode;
}

/* The code of the root of 'kode'. */
static const char *
root_of(const struct tree *t, const char *kode)
{
    return tree_unit(t, tree_root(t, idx(t, kode)))->kode;
}

/* The code of the parent of 'kode', or "" at a root. */
static const char *
parent_of(const struct tree *t, const char *kode)
{
    long p = tree_parent(t, idx(t, kode));
    return p < 0 ? "" : tree_unit(t, (size_t)p)->kode;
}

/* A government: a root of jenis lainnya with an OPD, a health centre and
 * a hospital under it, a kecamatan with a kelurahan and a school, and a
 * secretariat unit and bidang directly under the root. */
static struct tree *
pemda(void)
{
    struct tree *t = tree_create();
    add(t, "PEMDA", NULL, UNIT_LAINNYA);
    add(t, "DINKES", "PEMDA", UNIT_OPD);
    add(t, "PKM1", "DINKES", UNIT_PUSKESMAS);
    add(t, "RSUD", "DINKES", UNIT_RSUD);
    add(t, "RSUD_IGD", "RSUD", UNIT_BIDANG);
    add(t, "KEC1", "PEMDA", UNIT_KECAMATAN);
    add(t, "KEL1", "KEC1", UNIT_KELURAHAN);
    add(t, "SD1", "KEL1", UNIT_SEKOLAH);
    add(t, "SETWAN", "PEMDA", UNIT_LAINNYA);
    add(t, "BID_X", "SETWAN", UNIT_BIDANG);
    assert_int_equal(tree_finish(t), ERR_OK);
    return t;
}

static void
test_tree_find_and_count(void **state)
{
    struct tree *t = pemda();
    (void)state;
    assert_int_equal(tree_count(t), 10);
    assert_int_equal(tree_find(t, "PEMDA"), 0);
    assert_int_equal(tree_find(t, "DINKES"), 1);
    assert_int_equal(tree_find(t, "BID_X"), 9);
    assert_int_equal(tree_find(t, "NOPE"), -1);
    assert_int_equal(tree_find(t, ""), -1);
    assert_int_equal(tree_find(t, "pemda"), -1);
    for (size_t i = 0; i < tree_count(t); i++) {
        assert_int_equal(tree_find(t, tree_unit(t, i)->kode), (long)i);
    }
    tree_destroy(t);
}

static void
test_tree_unit_is_a_copy(void **state)
{
    char kode[8] = "A";
    char nama[8] = "Nama A";
    char kec[8] = "Kec A";
    struct unit u = {kode, nama, NULL, UNIT_OPD, kec, -3.5, 103.25};
    struct tree *t = tree_create();
    (void)state;
    tree_add(t, &u);
    kode[0] = 'Z';
    nama[0] = 'Z';
    kec[0] = 'Z';
    assert_int_equal(tree_finish(t), ERR_OK);
    const struct unit *got = tree_unit(t, 0);
    assert_string_equal(got->kode, "A");
    assert_string_equal(got->nama, "Nama A");
    assert_string_equal(got->kecamatan, "Kec A");
    assert_null(got->induk);
    assert_int_equal(got->jenis, UNIT_OPD);
    assert_true(got->lat == -3.5 && got->lon == 103.25);
    assert_int_equal(tree_find(t, "A"), 0);
    assert_int_equal(tree_find(t, "Z"), -1);
    tree_destroy(t);
}

static void
test_tree_parents_and_roots(void **state)
{
    struct tree *t = pemda();
    (void)state;
    assert_int_equal(tree_parent(t, idx(t, "PEMDA")), -1);
    assert_string_equal(parent_of(t, "DINKES"), "PEMDA");
    assert_string_equal(parent_of(t, "PKM1"), "DINKES");
    assert_string_equal(parent_of(t, "RSUD_IGD"), "RSUD");
    assert_string_equal(parent_of(t, "SD1"), "KEL1");
    for (size_t i = 0; i < tree_count(t); i++) {
        assert_int_equal(tree_root(t, i), 0);
    }
    tree_destroy(t);
}

static void
test_tree_opd_is_nearest_group_or_self(void **state)
{
    struct tree *t = pemda();
    (void)state;
    assert_string_equal(opd_of(t, "DINKES"), "DINKES");
    assert_string_equal(opd_of(t, "PKM1"), "DINKES");
    assert_string_equal(opd_of(t, "KEC1"), "KEC1");
    /* An RSUD groups itself and its units, even under an OPD. */
    assert_string_equal(opd_of(t, "RSUD"), "RSUD");
    assert_string_equal(opd_of(t, "RSUD_IGD"), "RSUD");
    tree_destroy(t);
}

static void
test_tree_unit_under_kecamatan_groups_there(void **state)
{
    struct tree *t = pemda();
    (void)state;
    assert_string_equal(opd_of(t, "KEL1"), "KEC1");
    assert_string_equal(opd_of(t, "SD1"), "KEC1");
    assert_string_equal(root_of(t, "SD1"), "PEMDA");
    tree_destroy(t);
}

static void
test_tree_unit_without_group_counts_under_root(void **state)
{
    struct tree *t = pemda();
    (void)state;
    assert_string_equal(opd_of(t, "PEMDA"), "PEMDA");
    assert_string_equal(opd_of(t, "SETWAN"), "PEMDA");
    assert_string_equal(opd_of(t, "BID_X"), "PEMDA");
    tree_destroy(t);
}

static void
test_tree_bidang_under_nested_opd_takes_nearest(void **state)
{
    struct tree *t = tree_create();
    (void)state;
    add(t, "KAB", NULL, UNIT_LAINNYA);
    add(t, "SETDA", "KAB", UNIT_OPD);
    add(t, "BAG_UMUM", "SETDA", UNIT_OPD);
    add(t, "SUBBAG", "BAG_UMUM", UNIT_BIDANG);
    add(t, "BAG_HUKUM", "SETDA", UNIT_BIDANG);
    assert_int_equal(tree_finish(t), ERR_OK);
    assert_string_equal(opd_of(t, "SUBBAG"), "BAG_UMUM");
    assert_string_equal(opd_of(t, "BAG_UMUM"), "BAG_UMUM");
    assert_string_equal(opd_of(t, "BAG_HUKUM"), "SETDA");
    assert_string_equal(opd_of(t, "SETDA"), "SETDA");
    assert_string_equal(root_of(t, "SUBBAG"), "KAB");
    tree_destroy(t);
}

static void
test_tree_two_governments_have_own_roots(void **state)
{
    struct tree *t = tree_create();
    (void)state;
    add(t, "KAB_A", NULL, UNIT_LAINNYA);
    add(t, "KOTA_B", NULL, UNIT_LAINNYA);
    add(t, "A_DINAS", "KAB_A", UNIT_OPD);
    add(t, "A_SD", "A_DINAS", UNIT_SEKOLAH);
    add(t, "A_LAIN", "KAB_A", UNIT_LAINNYA);
    add(t, "B_KEC", "KOTA_B", UNIT_KECAMATAN);
    add(t, "B_KEL", "B_KEC", UNIT_KELURAHAN);
    add(t, "B_LAIN", "KOTA_B", UNIT_BIDANG);
    assert_int_equal(tree_finish(t), ERR_OK);
    assert_int_equal(tree_parent(t, idx(t, "KAB_A")), -1);
    assert_int_equal(tree_parent(t, idx(t, "KOTA_B")), -1);
    assert_string_equal(root_of(t, "A_SD"), "KAB_A");
    assert_string_equal(root_of(t, "A_LAIN"), "KAB_A");
    assert_string_equal(root_of(t, "B_KEL"), "KOTA_B");
    assert_string_equal(root_of(t, "KOTA_B"), "KOTA_B");
    assert_string_equal(opd_of(t, "A_SD"), "A_DINAS");
    assert_string_equal(opd_of(t, "A_LAIN"), "KAB_A");
    assert_string_equal(opd_of(t, "B_KEL"), "B_KEC");
    assert_string_equal(opd_of(t, "B_LAIN"), "KOTA_B");
    tree_destroy(t);
}

static void
test_tree_children_before_parents(void **state)
{
    struct tree *t = tree_create();
    (void)state;
    add(t, "SD", "KEL", UNIT_SEKOLAH);
    add(t, "KEL", "KEC", UNIT_KELURAHAN);
    add(t, "KEC", "KAB", UNIT_KECAMATAN);
    add(t, "KAB", NULL, UNIT_OPD);
    assert_int_equal(tree_finish(t), ERR_OK);
    assert_string_equal(parent_of(t, "SD"), "KEL");
    assert_string_equal(root_of(t, "SD"), "KAB");
    assert_string_equal(opd_of(t, "SD"), "KEC");
    assert_string_equal(opd_of(t, "KAB"), "KAB");
    tree_destroy(t);
}

static void
test_tree_empty_finishes(void **state)
{
    struct tree *t = tree_create();
    (void)state;
    assert_int_equal(tree_finish(t), ERR_OK);
    assert_int_equal(tree_count(t), 0);
    assert_int_equal(tree_find(t, "A"), -1);
    tree_destroy(t);
    tree_destroy(NULL);
}

static void
test_tree_unknown_parent_is_invalid(void **state)
{
    struct tree *t = tree_create();
    (void)state;
    add(t, "KAB", NULL, UNIT_LAINNYA);
    add(t, "DINAS", "KAB", UNIT_OPD);
    add(t, "SD", "DINAS_TYPO", UNIT_SEKOLAH);
    assert_int_equal(tree_finish(t), ERR_INVAL);
    tree_destroy(t);
}

static void
test_tree_cycle_is_invalid(void **state)
{
    struct tree *t = tree_create();
    (void)state;
    add(t, "KAB", NULL, UNIT_LAINNYA);
    add(t, "A", "C", UNIT_OPD);
    add(t, "B", "A", UNIT_BIDANG);
    add(t, "C", "B", UNIT_BIDANG);
    assert_int_equal(tree_finish(t), ERR_INVAL);
    tree_destroy(t);
}

static void
test_tree_self_parent_is_invalid(void **state)
{
    struct tree *t = tree_create();
    (void)state;
    add(t, "A", "A", UNIT_OPD);
    assert_int_equal(tree_finish(t), ERR_INVAL);
    tree_destroy(t);
}

static void
test_tree_branch_into_cycle_is_invalid(void **state)
{
    struct tree *t = tree_create();
    (void)state;
    /* 'LEAF' is resolved first and walks into the cycle X <-> Y. */
    add(t, "LEAF", "X", UNIT_SEKOLAH);
    add(t, "ROOT", NULL, UNIT_OPD);
    add(t, "OK", "ROOT", UNIT_BIDANG);
    add(t, "X", "Y", UNIT_BIDANG);
    add(t, "Y", "X", UNIT_BIDANG);
    assert_int_equal(tree_finish(t), ERR_INVAL);
    tree_destroy(t);
}

/* Build a chain of DEEP_CHAIN units, "u0" the root, each under the one
 * before; "u10" is an OPD. Added deepest first when 'reverse'. */
static struct tree *
deep_chain(bool reverse)
{
    struct tree *t = tree_create();
    char kode[32];
    char induk[32];
    for (long k = 0; k < DEEP_CHAIN; k++) {
        long i = reverse ? DEEP_CHAIN - 1 - k : k;
        snprintf(kode, sizeof(kode), "u%ld", i);
        snprintf(induk, sizeof(induk), "u%ld", i - 1);
        add(t, kode, i == 0 ? NULL : induk, i == 10 ? UNIT_OPD : UNIT_BIDANG);
    }
    return t;
}

static void
check_deep_chain(bool reverse)
{
    struct tree *t = deep_chain(reverse);
    char last[32];
    char before_last[32];
    assert_int_equal(tree_finish(t), ERR_OK);
    snprintf(last, sizeof(last), "u%d", DEEP_CHAIN - 1);
    snprintf(before_last, sizeof(before_last), "u%d", DEEP_CHAIN - 2);
    assert_string_equal(root_of(t, last), "u0");
    assert_string_equal(opd_of(t, last), "u10");
    assert_string_equal(opd_of(t, "u11"), "u10");
    assert_string_equal(opd_of(t, "u10"), "u10");
    assert_string_equal(opd_of(t, "u9"), "u0");
    assert_string_equal(parent_of(t, last), before_last);
    tree_destroy(t);
}

static void
test_tree_deep_chain_finishes(void **state)
{
    (void)state;
    check_deep_chain(false);
    check_deep_chain(true);
}

static void
test_tree_deep_ring_is_invalid(void **state)
{
    struct tree *t = tree_create();
    char kode[32];
    char induk[32];
    (void)state;
    /* A chain closed into a ring: "u0" has the last unit as parent. */
    for (long i = 0; i < DEEP_CHAIN; i++) {
        snprintf(kode, sizeof(kode), "u%ld", i);
        snprintf(induk, sizeof(induk), "u%ld",
                 (i + DEEP_CHAIN - 1) % DEEP_CHAIN);
        add(t, kode, induk, UNIT_BIDANG);
    }
    assert_int_equal(tree_finish(t), ERR_INVAL);
    tree_destroy(t);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tree_find_and_count),
        cmocka_unit_test(test_tree_unit_is_a_copy),
        cmocka_unit_test(test_tree_parents_and_roots),
        cmocka_unit_test(test_tree_opd_is_nearest_group_or_self),
        cmocka_unit_test(test_tree_unit_under_kecamatan_groups_there),
        cmocka_unit_test(test_tree_unit_without_group_counts_under_root),
        cmocka_unit_test(test_tree_bidang_under_nested_opd_takes_nearest),
        cmocka_unit_test(test_tree_two_governments_have_own_roots),
        cmocka_unit_test(test_tree_children_before_parents),
        cmocka_unit_test(test_tree_empty_finishes),
        cmocka_unit_test(test_tree_unknown_parent_is_invalid),
        cmocka_unit_test(test_tree_cycle_is_invalid),
        cmocka_unit_test(test_tree_self_parent_is_invalid),
        cmocka_unit_test(test_tree_branch_into_cycle_is_invalid),
        cmocka_unit_test(test_tree_deep_chain_finishes),
        cmocka_unit_test(test_tree_deep_ring_is_invalid),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
