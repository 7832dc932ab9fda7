/* SPDX-License-Identifier: MIT */
/* model: enumeration tables of the domain (core layer). The words are the
 * contract's CSV words; never reorder them, values are stored. */
#include "model.h"

#include <string.h>

#define ENUM(var, fld, ...)                                 \
    static const char *const var##_names[] = {__VA_ARGS__}; \
    const struct model_enum var = {                         \
        fld, var##_names, (int)(sizeof(var##_names) / sizeof(char *))}

ENUM(model_unit_jenis, "jenis", "opd", "bidang", "sekolah", "puskesmas", "rsud",
     "kecamatan", "kelurahan", "lainnya");
ENUM(model_jabatan_jenis, "jenis", "jpt", "administrator", "pengawas",
     "pelaksana", "fungsional_keahlian", "fungsional_keterampilan");
ENUM(model_metode, "metode", "tugas", "rombel", "jp", "tetap");
ENUM(model_status, "status", "CPNS", "PNS", "PPPK");
ENUM(model_alasan, "alasan", "ikut_pasangan", "kesehatan", "dekat_domisili",
     "pengembangan_karier", "lainnya");
ENUM(model_permohonan_status, "status", "draf", "diajukan", "disetujui_asal",
     "diverifikasi", "disetujui_tujuan", "dipertimbangkan", "ditetapkan",
     "selesai", "ditolak", "dibatalkan");
ENUM(model_golongan_pns, "golongan", "I/a", "I/b", "I/c", "I/d", "II/a", "II/b",
     "II/c", "II/d", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b", "IV/c",
     "IV/d", "IV/e");
ENUM(model_golongan_pppk, "golongan", "I", "II", "III", "IV", "V", "VI", "VII",
     "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII");

int
model_enum_parse(const struct model_enum *e, const char *s, size_t len)
{
    for (int i = 0; i < e->n_names; i++) {
        if (strlen(e->names[i]) == len && memcmp(e->names[i], s, len) == 0) {
            return i;
        }
    }
    return -1;
}

const char *
model_enum_name(const struct model_enum *e, int v)
{
    if (v < 0 || v >= e->n_names) {
        return "";
    }
    return e->names[v];
}

const char *
model_enum_list(const struct model_enum *e, char *out, size_t out_len)
{
    size_t pos = 0;
    out[0] = '\0';
    for (int i = 0; i < e->n_names; i++) {
        size_t n = strlen(e->names[i]);
        if (pos + n + 3 >= out_len) {
            break;
        }
        if (i > 0) {
            memcpy(out + pos, ", ", 2);
            pos += 2;
        }
        memcpy(out + pos, e->names[i], n);
        pos += n;
        out[pos] = '\0';
    }
    return out;
}

bool
model_jabatan_is_struktural(enum jabatan_jenis jenis)
{
    return jenis == JAB_JPT || jenis == JAB_ADMINISTRATOR ||
           jenis == JAB_PENGAWAS;
}

bool
model_permohonan_is_open(enum permohonan_status st)
{
    return st <= PERMOHONAN_DITETAPKAN;
}
