/* SPDX-License-Identifier: MIT */
/* rec_format: model records -> CSV rows (for csv export, so that they
 * re-import to the same data) and JSON objects (io layer); rec.c parses. */
#include "rec.h"

#include <math.h>
#include <stdio.h>

#include "csv.h"
#include "date.h"
#include "json.h"
#include "model.h"
#include "num.h"
#include "rec_int.h"

/* Text of one output field, kept in a small per-call arena. */
struct out_fields {
    const char *v[REC_MAX_COLUMNS];
    char text[REC_MAX_COLUMNS][32]; /* Numbers and dates. */
};

static const char *
fmt_milli(struct out_fields *o, int col, int64_t v)
{
    if (v < 0) {
        return NULL;
    }
    num_format_fixed(v, REC_MILLI_SCALE, o->text[col], sizeof(o->text[col]));
    return o->text[col];
}

static const char *
fmt_coord(struct out_fields *o, int col, double v)
{
    if (v == MODEL_COORD_NONE) {
        return NULL;
    }
    num_format_fixed(llround(v * 1e7), REC_COORD_SCALE, o->text[col],
                     sizeof(o->text[col]));
    return o->text[col];
}

static const char *
fmt_date(struct out_fields *o, int col, int32_t day)
{
    if (day == DATE_NONE) {
        return NULL;
    }
    date_format(day, o->text[col]);
    return o->text[col];
}

static const char *
fmt_int(struct out_fields *o, int col, long v, bool zero_empty)
{
    if (zero_empty && v == 0) {
        return NULL;
    }
    snprintf(o->text[col], sizeof(o->text[col]), "%ld", v);
    return o->text[col];
}

enum err
rec_header_format(enum rec_kind k, struct buf *out)
{
    const char *names[REC_MAX_COLUMNS];
    for (int c = 0; c < rec_n_columns(k); c++) {
        names[c] = rec_column_name(k, c);
    }
    return csv_format_row(out, names, rec_n_columns(k));
}

enum err
rec_unit_format(const struct unit *u, struct buf *out)
{
    struct out_fields o;
    o.v[REC_U_KODE] = u->kode;
    o.v[REC_U_NAMA] = u->nama;
    o.v[REC_U_INDUK] = u->induk;
    o.v[REC_U_JENIS] = model_enum_name(&model_unit_jenis, (int)u->jenis);
    o.v[REC_U_KECAMATAN] = u->kecamatan;
    o.v[REC_U_LAT] = fmt_coord(&o, REC_U_LAT, u->lat);
    o.v[REC_U_LON] = fmt_coord(&o, REC_U_LON, u->lon);
    return csv_format_row(out, o.v, rec_n_columns(REC_UNIT));
}

enum err
rec_jabatan_format(const struct jabatan *j, struct buf *out)
{
    struct out_fields o;
    o.v[REC_J_KODE] = j->kode;
    o.v[REC_J_NAMA] = j->nama;
    o.v[REC_J_JENIS] = model_enum_name(&model_jabatan_jenis, (int)j->jenis);
    o.v[REC_J_JENJANG] = j->jenjang;
    o.v[REC_J_KELOMPOK] = j->kelompok;
    o.v[REC_J_GURU] = j->guru ? "1" : "0";
    o.v[REC_J_BUP] = fmt_int(&o, REC_J_BUP, j->bup, true);
    o.v[REC_J_KOMPETENSI] = j->kompetensi;
    o.v[REC_J_PENDIDIKAN_MIN] =
        j->pendidikan_min >= 0
            ? model_enum_name(&model_pendidikan, j->pendidikan_min)
            : NULL;
    o.v[REC_J_GOLONGAN_MIN] = j->golongan_min;
    o.v[REC_J_GOLONGAN_MAX] = j->golongan_max;
    return csv_format_row(out, o.v, rec_n_columns(REC_JABATAN));
}

enum err
rec_beban_format(const struct beban *b, struct buf *out)
{
    struct out_fields o;
    o.v[REC_B_UNIT] = b->unit;
    o.v[REC_B_JABATAN] = b->jabatan;
    o.v[REC_B_TUGAS] = b->tugas;
    o.v[REC_B_VOLUME] = fmt_milli(&o, REC_B_VOLUME, b->volume_milli);
    o.v[REC_B_NORMA] = fmt_milli(&o, REC_B_NORMA, b->norma_milli);
    o.v[REC_B_METODE] = model_enum_name(&model_metode, (int)b->metode);
    o.v[REC_B_MULAI] = fmt_date(&o, REC_B_MULAI, b->berlaku_mulai);
    o.v[REC_B_SAMPAI] = fmt_date(&o, REC_B_SAMPAI, b->berlaku_sampai);
    return csv_format_row(out, o.v, rec_n_columns(REC_BEBAN));
}

enum err
rec_pegawai_format(const struct pegawai *p, struct buf *out)
{
    struct out_fields o;
    char jk[2] = {p->jenis_kelamin, '\0'};
    o.v[REC_P_NIP] = p->nip;
    o.v[REC_P_NAMA] = p->nama;
    o.v[REC_P_JK] = jk;
    o.v[REC_P_TEMPAT] = p->tempat_lahir;
    o.v[REC_P_TANGGAL] = fmt_date(&o, REC_P_TANGGAL, p->tanggal_lahir);
    o.v[REC_P_STATUS] = model_enum_name(&model_status, (int)p->status);
    o.v[REC_P_GOLONGAN] = p->golongan;
    o.v[REC_P_JABATAN] = p->jabatan;
    o.v[REC_P_UNIT] = p->unit;
    o.v[REC_P_TMT] = fmt_date(&o, REC_P_TMT, p->tmt_unit);
    o.v[REC_P_PENDIDIKAN] = p->pendidikan;
    o.v[REC_P_KOMPETENSI] = p->kompetensi;
    o.v[REC_P_LAT] = fmt_coord(&o, REC_P_LAT, p->lat);
    o.v[REC_P_LON] = fmt_coord(&o, REC_P_LON, p->lon);
    o.v[REC_P_HUKDIS] = p->hukuman_disiplin ? "1" : "0";
    o.v[REC_P_TUBEL] = p->tugas_belajar ? "1" : "0";
    o.v[REC_P_FORMASI] = fmt_int(&o, REC_P_FORMASI, p->formasi_tahun, true);
    return csv_format_row(out, o.v, rec_n_columns(REC_PEGAWAI));
}

enum err
rec_permohonan_format(const struct permohonan *p, struct buf *out)
{
    struct out_fields o;
    struct buf choices;
    enum err rc = ERR_OK;
    buf_init(&choices, 0);
    for (int i = 0; i < p->n_pilihan && rc == ERR_OK; i++) {
        rc = buf_addf(&choices, "%s%s", i ? ";" : "", p->pilihan[i]);
    }
    o.v[REC_R_NIP] = p->nip;
    o.v[REC_R_PILIHAN] = buf_str(&choices);
    o.v[REC_R_ALASAN] = model_enum_name(&model_alasan, (int)p->alasan);
    o.v[REC_R_TANGGAL] = fmt_date(&o, REC_R_TANGGAL, p->tanggal);
    o.v[REC_R_KETERANGAN] = p->keterangan;
    if (rc == ERR_OK) {
        rc = csv_format_row(out, o.v, rec_n_columns(REC_PERMOHONAN));
    }
    buf_cleanup(&choices);
    return rc;
}

enum err
rec_kinerja_format(const struct kinerja *k, struct buf *out)
{
    struct out_fields o;
    o.v[REC_K_NIP] = k->nip;
    o.v[REC_K_TAHUN] = fmt_int(&o, REC_K_TAHUN, k->tahun, false);
    o.v[REC_K_PREDIKAT] = model_enum_name(&model_predikat, (int)k->predikat);
    return csv_format_row(out, o.v, rec_n_columns(REC_KINERJA));
}

static void
json_coord(struct json_obj *o, const char *key, double v)
{
    if (v == MODEL_COORD_NONE) {
        json_obj_set_null(o, key);
    } else {
        json_obj_set_fixed(o, key, llround(v * 1e7), REC_COORD_SCALE);
    }
}

static void
json_date(struct json_obj *o, const char *key, int32_t day)
{
    char text[DATE_STR_LEN];
    if (day == DATE_NONE) {
        json_obj_set_null(o, key);
        return;
    }
    date_format(day, text);
    json_obj_set_str(o, key, text);
}

void
rec_unit_json(const struct unit *u, struct json_obj *o)
{
    json_obj_set_str(o, "kode", u->kode);
    json_obj_set_str(o, "nama", u->nama);
    json_obj_set_str(o, "induk", u->induk);
    json_obj_set_str(o, "jenis",
                     model_enum_name(&model_unit_jenis, (int)u->jenis));
    json_obj_set_str(o, "kecamatan", u->kecamatan);
    json_coord(o, "lat", u->lat);
    json_coord(o, "lon", u->lon);
}

void
rec_jabatan_json(const struct jabatan *j, struct json_obj *o)
{
    json_obj_set_str(o, "kode", j->kode);
    json_obj_set_str(o, "nama", j->nama);
    json_obj_set_str(o, "jenis",
                     model_enum_name(&model_jabatan_jenis, (int)j->jenis));
    json_obj_set_str(o, "jenjang", j->jenjang);
    json_obj_set_str(o, "kelompok", j->kelompok);
    json_obj_set_int(o, "guru", j->guru);
    if (j->bup > 0) {
        json_obj_set_int(o, "bup", j->bup);
    } else {
        json_obj_set_null(o, "bup");
    }
    json_obj_set_list(o, "kompetensi", j->kompetensi);
    json_obj_set_str(o, "pendidikan_min",
                     j->pendidikan_min >= 0
                         ? model_enum_name(&model_pendidikan, j->pendidikan_min)
                         : NULL);
    json_obj_set_str(o, "golongan_min", j->golongan_min);
    json_obj_set_str(o, "golongan_max", j->golongan_max);
}

void
rec_beban_json(const struct beban *b, struct json_obj *o)
{
    json_obj_set_str(o, "unit", b->unit);
    json_obj_set_str(o, "jabatan", b->jabatan);
    json_obj_set_str(o, "tugas", b->tugas);
    json_obj_set_fixed(o, "volume", b->volume_milli, REC_MILLI_SCALE);
    if (b->norma_milli >= 0) {
        json_obj_set_fixed(o, "norma_menit", b->norma_milli, REC_MILLI_SCALE);
    } else {
        json_obj_set_null(o, "norma_menit");
    }
    json_obj_set_str(o, "metode",
                     model_enum_name(&model_metode, (int)b->metode));
    json_date(o, "berlaku_mulai", b->berlaku_mulai);
    json_date(o, "berlaku_sampai", b->berlaku_sampai);
}

void
rec_pegawai_json(const struct pegawai *p, struct json_obj *o)
{
    char jk[2] = {p->jenis_kelamin, '\0'};
    json_obj_set_str(o, "nip", p->nip);
    json_obj_set_str(o, "nama", p->nama);
    json_obj_set_str(o, "jenis_kelamin", jk);
    json_obj_set_str(o, "tempat_lahir", p->tempat_lahir);
    json_date(o, "tanggal_lahir", p->tanggal_lahir);
    json_obj_set_str(o, "status",
                     model_enum_name(&model_status, (int)p->status));
    json_obj_set_str(o, "golongan", p->golongan);
    json_obj_set_str(o, "jabatan", p->jabatan);
    json_obj_set_str(o, "unit", p->unit);
    json_date(o, "tmt_unit", p->tmt_unit);
    json_obj_set_str(o, "pendidikan", p->pendidikan);
    json_obj_set_list(o, "kompetensi", p->kompetensi);
    json_coord(o, "lat", p->lat);
    json_coord(o, "lon", p->lon);
    json_obj_set_int(o, "hukuman_disiplin", p->hukuman_disiplin);
    json_obj_set_int(o, "tugas_belajar", p->tugas_belajar);
    if (p->formasi_tahun > 0) {
        json_obj_set_int(o, "formasi_tahun", p->formasi_tahun);
    } else {
        json_obj_set_null(o, "formasi_tahun");
    }
}

void
rec_permohonan_json(const struct permohonan *p, struct json_obj *o)
{
    json_obj_set_int(o, "id", p->id);
    json_obj_set_str(o, "nip", p->nip);
    json_obj_set_str(o, "status",
                     model_enum_name(&model_permohonan_status, (int)p->status));
    json_obj_set_strs(o, "pilihan", p->pilihan, p->n_pilihan);
    json_obj_set_str(o, "alasan",
                     model_enum_name(&model_alasan, (int)p->alasan));
    json_date(o, "tanggal", p->tanggal);
    json_obj_set_str(o, "keterangan", p->keterangan);
    json_obj_set_int(o, "version", p->version);
}

void
rec_kinerja_json(const struct kinerja *k, struct json_obj *o)
{
    json_obj_set_str(o, "nip", k->nip);
    json_obj_set_int(o, "tahun", k->tahun);
    json_obj_set_str(o, "predikat",
                     model_enum_name(&model_predikat, (int)k->predikat));
}
