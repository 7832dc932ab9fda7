// SPDX-License-Identifier: MIT
// Bahasa Indonesia first, English on request. Each page file registers its
// own strings with strings({id: {...}, en: {...}}); t(key, vars) looks a
// key up in the current language, then in Indonesian, and fills {name}s.
const dict = { id: {}, en: {} };
let lang = (typeof localStorage !== 'undefined' && localStorage.getItem('mutasi.lang')) || 'id';
if (lang !== 'id' && lang !== 'en') {
  lang = 'id';
}

export function strings(d) {
  Object.assign(dict.id, d.id);
  Object.assign(dict.en, d.en || {});
}

export function t(key, vars) {
  let s = dict[lang][key] ?? dict.id[key];
  if (s === undefined) {
    if (typeof console !== 'undefined') {
      console.warn('i18n: missing key ' + key);
    }
    return key;
  }
  if (vars) {
    s = s.replace(/\{(\w+)\}/g, (m, k) => (vars[k] !== undefined ? String(vars[k]) : m));
  }
  return s;
}

// Is there a text for 'key' (in the current language or Indonesian)?
export function has(key) {
  return dict[lang][key] !== undefined || dict.id[key] !== undefined;
}

export function getLang() {
  return lang;
}

export function setLang(l) {
  lang = l === 'en' ? 'en' : 'id';
  localStorage.setItem('mutasi.lang', lang);
  document.documentElement.lang = lang;
}

const locale = () => (lang === 'en' ? 'en-GB' : 'id-ID');

// Numbers as the reader writes them: 1.234,5 in Indonesian.
export function num(v, digits = 0) {
  if (v === null || v === undefined || Number.isNaN(v)) {
    return '–';
  }
  return Number(v).toLocaleString(locale(), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

const monthsId = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];
const monthsEn = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

// Every moment is shown in WITA (Asia/Makassar, UTC+8), the time of
// Mataram, whatever the reader's own zone: one rule, named on the page.
export const ZONE = 'WITA';
const wita = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Makassar',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

// "2026-03-01" -> "1 Maret 2026"; a timestamp -> "1 Maret 2026 14.05 WITA".
export function date(iso) {
  if (!iso) {
    return '–';
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(iso);
  if (!m) {
    return iso;
  }
  const names = lang === 'en' ? monthsEn : monthsId;
  if (m[4]) {
    // A moment without a zone is UTC (the server writes UTC).
    const text = iso.replace(' ', 'T');
    const at = new Date(/([zZ]|[+-]\d{2}:?\d{2})$/.test(text) ? text : text + 'Z');
    if (Number.isNaN(at.getTime())) {
      return iso;
    }
    const p = {};
    for (const part of wita.formatToParts(at)) {
      p[part.type] = part.value;
    }
    return `${Number(p.day)} ${names[Number(p.month) - 1]} ${p.year} ${p.hour}.${p.minute} ${ZONE}`;
  }
  return `${Number(m[3])} ${names[Number(m[2]) - 1]} ${m[1]}`;
}

strings({
  id: {
    app_name: 'mutasi',
    app_title: 'Sistem Informasi Mutasi ASN',
    lang_switch: 'English',
    lang_switch_label: 'Ganti bahasa ke English',
    loading: 'Memuat…',
    error_title: 'Terjadi kesalahan',
    retry: 'Coba lagi',
    empty: 'Tidak ada data.',
    logout: 'Keluar',
    skip: 'Lewati ke isi',
    menu: 'Menu',
    close: 'Tutup',
    save: 'Simpan',
    cancel: 'Batal',
    search: 'Cari',
    all: 'Semua',
    yes: 'Ya',
    no: 'Tidak',
    prev: 'Sebelumnya',
    next: 'Berikutnya',
    page_n: 'Halaman {n}',
    show_table: 'Tampilkan sebagai tabel',
    table_label: 'Tabel (dapat digeser)',
    session_expired: 'Sesi Anda berakhir. Silakan masuk kembali.',
    not_found: 'Halaman tidak ditemukan.',
    forbidden: 'Anda tidak berhak membuka halaman ini.',
    role_pegawai: 'Pegawai',
    role_kepala_unit: 'Kepala Unit',
    role_bkpsdm: 'BKPSDM',
    role_tpk: 'TPK (Tim Penilai Kinerja)',
    role_ppk: 'PPK (Pejabat Pembina Kepegawaian)',
    role_admin: 'Administrator',
  },
  en: {
    app_title: 'Civil Servant Transfer System',
    lang_switch: 'Bahasa Indonesia',
    lang_switch_label: 'Switch language to Bahasa Indonesia',
    loading: 'Loading…',
    error_title: 'Something went wrong',
    retry: 'Try again',
    empty: 'No data.',
    logout: 'Log out',
    skip: 'Skip to content',
    menu: 'Menu',
    close: 'Close',
    save: 'Save',
    cancel: 'Cancel',
    search: 'Search',
    all: 'All',
    yes: 'Yes',
    no: 'No',
    prev: 'Previous',
    next: 'Next',
    page_n: 'Page {n}',
    show_table: 'Show as a table',
    table_label: 'Table (scrollable)',
    session_expired: 'Your session has ended. Please log in again.',
    not_found: 'Page not found.',
    forbidden: 'You may not open this page.',
    role_pegawai: 'Employee',
    role_kepala_unit: 'Head of unit',
    role_bkpsdm: 'HR agency (BKPSDM)',
    role_tpk: 'Performance review team (TPK)',
    role_ppk: 'Staffing authority (PPK)',
    role_admin: 'Administrator',
  },
});
