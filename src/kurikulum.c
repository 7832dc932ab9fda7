/* SPDX-License-Identifier: MIT */
/* kurikulum: the table of lesson hours per subject, grade and curriculum
 * (core layer). Data, not code: a change of the curriculum is a change
 * of rows here (and of KURIKULUM_TABLE_VERSION), never of the generator.
 *
 * Kurikulum Merdeka. Kepmendikbudristek 56/M/2022 (Pedoman Penerapan
 * Kurikulum dalam rangka Pemulihan Pembelajaran; as amended by 262/M/2022)
 * and Permendikbudristek 12/2024 (the national curriculum) give, per
 * subject and grade, the hours a year of intracurricular lessons and of
 * the projek penguatan profil pelajar Pancasila (kokurikuler), assuming
 * 36 weeks a year (32 in the final grade). A teacher's weekly load counts
 * both: the projek hours are taken from each subject's allocation and are
 * facilitated by its teachers, and schools timetable the sum (e.g. SMP
 * Agama 72 + 36 = 108 JP, 3 a week). So weekly JP = (intra + projek) /
 * weeks. Numbers checked against copies of the decree's tables:
 *   - SD grades III-V (Tabel 3): Agama 108 (3) + 36 (jdih.kemdikbud.go.id
 *     copy at online.flipbuilder.com/qfitw/thkp, page 13); PJOK 108 a
 *     year intracurricular (gurumahir.com, 2024-10); its 36 projek hours
 *     are not in that copy and are taken as in every other row of Tabel 3.
 *   - SD grade I-II: Agama 108 (3) + 36 and PJOK 108 (3) + 36 (a school's
 *     copy of Tabel 1 at 123dok.com, "kelas 2"); grade I is taken to be
 *     the same.
 *   - SD grade VI: NOT verified (no copy of the table found): taken as
 *     96 (3) + 32 over 32 weeks, the pattern of every final grade.
 *   - SMP grades VII-VIII (Permendikbudristek 12/2024, as quoted by
 *     kurikulummerdeka.com, and the structures published by SMPN 2 Kalasan
 *     and at smpn4kra.sch.id, 2025):
 *     Agama, Pendidikan Pancasila, PJOK, Informatika and Seni dan Prakarya
 *     72 + 36; Bahasa Indonesia 180 + 36; Matematika and IPA 144 + 36;
 *     IPS and Bahasa Inggris 108 + 36.
 *   - SMP grade IX (Kepmendikbudristek 56/M/2022, flipbuilder copy page
 *     19; the same at smpn4kra.sch.id): 64 + 32 for the 2-a-week
 *     subjects, Bahasa Indonesia 160 + 32, Matematika and IPA 128 + 32,
 *     IPS and Bahasa Inggris 96 + 32.
 * A pupil takes one of seni or prakarya; the table gives the hours to
 * MAPEL_SENI (a school offers at least one; the generator staffs seni).
 *
 * Kurikulum 2013 gives weekly hours directly: SMP Agama 3, PPKn 3, Bahasa
 * Indonesia 6, Matematika 5, IPA 5, IPS 4, Bahasa Inggris 4, Seni Budaya
 * 3, PJOK 3, Prakarya 2 (no Informatika); SD Agama 4 and PJOK 4 (the
 * subjects not taught by the class teacher). These are the figures of the
 * project's domain notes; the regulation's own tables were not checked
 * here. */
#include "kurikulum.h"

#include <stddef.h>
#include <string.h>

struct kurikulum_row {
    enum kurikulum k;
    enum mapel m;
    int from; /* Grades 'from' to 'to', both included (1-9). */
    int to;
    int intra;  /* JP a year, intracurricular (Merdeka). */
    int projek; /* JP a year, projek/kokurikuler (Merdeka). */
    int week;   /* JP a week, when the curriculum gives them so (K13). */
};

#define M KURIKULUM_MERDEKA
#define K KURIKULUM_K13

static const struct kurikulum_row rows[] = {
    /* Kurikulum Merdeka, SD (subjects of subject teachers only). */
    {M, MAPEL_AGAMA, 1, 5, 108, 36, 0},
    {M, MAPEL_AGAMA, 6, 6, 96, 32, 0}, /* Not verified: see above. */
    {M, MAPEL_PJOK, 1, 5, 108, 36, 0},
    {M, MAPEL_PJOK, 6, 6, 96, 32, 0}, /* Not verified: see above. */
    /* Kurikulum Merdeka, SMP grades VII-VIII. */
    {M, MAPEL_AGAMA, 7, 8, 72, 36, 0},
    {M, MAPEL_PANCASILA, 7, 8, 72, 36, 0},
    {M, MAPEL_BINDO, 7, 8, 180, 36, 0},
    {M, MAPEL_MTK, 7, 8, 144, 36, 0},
    {M, MAPEL_IPA, 7, 8, 144, 36, 0},
    {M, MAPEL_IPS, 7, 8, 108, 36, 0},
    {M, MAPEL_BING, 7, 8, 108, 36, 0},
    {M, MAPEL_PJOK, 7, 8, 72, 36, 0},
    {M, MAPEL_INFORMATIKA, 7, 8, 72, 36, 0},
    {M, MAPEL_SENI, 7, 8, 72, 36, 0},
    /* Kurikulum Merdeka, SMP grade IX (32 weeks). */
    {M, MAPEL_AGAMA, 9, 9, 64, 32, 0},
    {M, MAPEL_PANCASILA, 9, 9, 64, 32, 0},
    {M, MAPEL_BINDO, 9, 9, 160, 32, 0},
    {M, MAPEL_MTK, 9, 9, 128, 32, 0},
    {M, MAPEL_IPA, 9, 9, 128, 32, 0},
    {M, MAPEL_IPS, 9, 9, 96, 32, 0},
    {M, MAPEL_BING, 9, 9, 96, 32, 0},
    {M, MAPEL_PJOK, 9, 9, 64, 32, 0},
    {M, MAPEL_INFORMATIKA, 9, 9, 64, 32, 0},
    {M, MAPEL_SENI, 9, 9, 64, 32, 0},
    /* Kurikulum 2013, SD and SMP, JP a week. */
    {K, MAPEL_AGAMA, 1, 6, 0, 0, 4},
    {K, MAPEL_PJOK, 1, 6, 0, 0, 4},
    {K, MAPEL_AGAMA, 7, 9, 0, 0, 3},
    {K, MAPEL_PANCASILA, 7, 9, 0, 0, 3},
    {K, MAPEL_BINDO, 7, 9, 0, 0, 6},
    {K, MAPEL_MTK, 7, 9, 0, 0, 5},
    {K, MAPEL_IPA, 7, 9, 0, 0, 5},
    {K, MAPEL_IPS, 7, 9, 0, 0, 4},
    {K, MAPEL_BING, 7, 9, 0, 0, 4},
    {K, MAPEL_SENI, 7, 9, 0, 0, 3},
    {K, MAPEL_PJOK, 7, 9, 0, 0, 3},
    {K, MAPEL_PRAKARYA, 7, 9, 0, 0, 2},
};

#undef M
#undef K

static const char *const names[KURIKULUM_N] = {"merdeka", "k13"};

bool
kurikulum_parse(const char *name, enum kurikulum *out)
{
    for (int i = 0; i < KURIKULUM_N; i++) {
        if (strcmp(name, names[i]) == 0) {
            *out = (enum kurikulum)i;
            return true;
        }
    }
    return false;
}

const char *
kurikulum_name(enum kurikulum k)
{
    return k < KURIKULUM_N ? names[k] : names[KURIKULUM_MERDEKA];
}

int
kurikulum_jp(enum kurikulum k, enum mapel m, int grade)
{
    /* The final grades (VI, IX) have 32 weeks of lessons, others 36. */
    int weeks = grade == 6 || grade == 9 ? 32 : 36;
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        const struct kurikulum_row *r = &rows[i];
        if (r->k != k || r->m != m || grade < r->from || grade > r->to) {
            continue;
        }
        return r->week > 0 ? r->week : (r->intra + r->projek) / weeks;
    }
    return 0;
}
