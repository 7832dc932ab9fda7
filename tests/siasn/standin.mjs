// SPDX-License-Identifier: MIT
// A local stand-in for SIASN's web API, for the tests of 'mutasi siasn
// pull|push' (never a real endpoint). Listens on 127.0.0.1 on a free port
// and writes the port to the file given as its first argument.
//   POST /oauth2/token        client credentials (client_id=mutasi,
//                             client_secret=rahasia-gw) -> gateway token
//   POST /sso/token           password grant (client_id=siasn-ws,
//                             username=198001012006041001,
//                             password=rahasia-sso) -> SSO token
//   /apisiasn/1.0/...         need 'Authorization: Bearer <gateway>' and
//                             'Auth: bearer <SSO>' (401 otherwise):
//     GET referensi/ref-unor, pns/data-utama/{nip}, pns/rw-jabatan/{nip}
//     POST jabatan/unorjabatan/save (counts accepted saves per pnsId)
//   POST /_standin/mode       {"refuseOnce": [pnsId], "error500": [pnsId],
//                              "malformed": [pnsId]}: how save answers
//   GET  /_standin/saves      {"accepted": {pnsId: n}, "attempts": {...}}
import { createServer } from 'node:http';
import { writeFileSync } from 'node:fs';

const GW = 'gw-token-7f3a';
const SSO = 'sso-token-91c2';
const mode = { refuseOnce: new Set(), error500: new Set(), malformed: new Set() };
const accepted = {};
const attempts = {};

const unor = [
  { Id: 'a5eb03e23bfbf6a0e040640a040252ad', InstansiId: 'a5eb03e23bfbf6a0e040640a040252ad', DiatasanId: null, NamaUnor: 'Pemerintah Kota Contoh', NamaJabatan: 'Wali Kota', CepatKode: 'G', IndukUnorId: null, JenisUnorId: null, EselonId: null },
  { Id: '8ae4839b6c3a11e0a1b2c3d4e5f60700', InstansiId: 'a5eb03e23bfbf6a0e040640a040252ad', DiatasanId: 'a5eb03e23bfbf6a0e040640a040252ad', NamaUnor: 'Dinas Pendidikan', NamaJabatan: 'Kepala Dinas Pendidikan', CepatKode: 'G.DIK', IndukUnorId: 'a5eb03e23bfbf6a0e040640a040252ad', JenisUnorId: '1', EselonId: '22' },
];

function pnsOf(nip) {
  return {
    id: 'ffffffffffffffffffff' + nip.slice(6, 18),
    nipBaru: nip,
    nama: 'Pegawai ' + nip.slice(14),
    tglLahir: nip.slice(6, 8) + '-' + nip.slice(4, 6) + '-' + nip.slice(0, 4),
    gelarDepan: null,
    gelarBelakang: 'S.Pd.',
    tempatLahir: 'Mataram',
    jenisKelamin: nip[14] === '2' ? 'Perempuan' : 'Laki-laki',
    jenisPegawaiNama: 'PNS Daerah',
    kedudukanPnsId: '01',
    statusPegawai: 'PNS',
    golRuangAkhirId: '33',
    golRuangAkhir: 'III/c',
    jenisJabatanId: '2',
    jabatanNama: 'Guru Ahli Pertama',
    tkPendidikanTerakhir: 'S-1/Sarjana',
    pendidikanTerakhirNama: 'S-1 "Pendidikan" Guru SD',
    unorId: '8ae4839b6c3a11e0a1b2c3d4e5f60700',
    unorNama: 'Dinas Pendidikan',
    instansiIndukId: 'a5eb03e23bfbf6a0e040640a040252ad',
  };
}

function send(res, status, body, raw) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(raw ?? JSON.stringify(body));
}

function read(req) {
  return new Promise((resolve) => {
    let s = '';
    req.on('data', (c) => (s += c));
    req.on('end', () => resolve(s));
  });
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  const body = await read(req);
  const p = url.pathname;
  if (req.method === 'POST' && p === '/oauth2/token') {
    const f = new URLSearchParams(body);
    if (f.get('grant_type') === 'client_credentials' && f.get('client_id') === 'mutasi' && f.get('client_secret') === 'rahasia-gw') {
      return send(res, 200, { access_token: GW, token_type: 'Bearer', expires_in: 3600 });
    }
    return send(res, 401, { error: 'invalid_client' });
  }
  if (req.method === 'POST' && p === '/sso/token') {
    const f = new URLSearchParams(body);
    if (f.get('grant_type') === 'password' && f.get('client_id') === 'siasn-ws' && f.get('username') === '198001012006041001' && f.get('password') === 'rahasia-sso') {
      return send(res, 200, { access_token: SSO, token_type: 'bearer', expires_in: 1800 });
    }
    return send(res, 401, { error: 'invalid_grant' });
  }
  if (req.method === 'POST' && p === '/_standin/mode') {
    const m = JSON.parse(body);
    for (const k of Object.keys(mode)) mode[k] = new Set(m[k] ?? []);
    return send(res, 200, { ok: true });
  }
  if (req.method === 'GET' && p === '/_standin/saves') {
    return send(res, 200, { accepted, attempts });
  }
  if (!p.startsWith('/apisiasn/1.0/')) return send(res, 404, { error: 'not found' });
  if (req.headers.authorization !== 'Bearer ' + GW || req.headers.auth !== 'bearer ' + SSO) {
    return send(res, 401, { success: false, message: 'token tidak sah' });
  }
  const api = p.slice('/apisiasn/1.0'.length);
  let m;
  if (req.method === 'GET' && api === '/referensi/ref-unor') return send(res, 200, { code: 1, data: unor });
  if (req.method === 'GET' && (m = api.match(/^\/pns\/data-utama\/(\d{18})$/))) return send(res, 200, { code: 1, data: pnsOf(m[1]) });
  if (req.method === 'GET' && (m = api.match(/^\/pns\/rw-jabatan\/(\d{18})$/))) {
    return send(res, 200, {
      code: 1,
      data: [
        { id: '1', jenisJabatan: '2', jabatanFungsionalId: '4028818b2b1e4a5f012b1e4a5f0a0009', unorId: pnsOf(m[1]).unorId, tmtJabatan: '01-03-2015' },
        { id: '2', jenisJabatan: '2', jabatanFungsionalId: '4028818b2b1e4a5f012b1e4a5f0a0001', unorId: pnsOf(m[1]).unorId, tmtJabatan: '01-01-2020' },
        { id: '3', jenisJabatan: '4', jabatanFungsionalUmumId: '4028818b2b1e4a5f012b1e4a5f0a0007', unorId: pnsOf(m[1]).unorId, tmtJabatan: '01-07-2012' },
      ],
    });
  }
  if (req.method === 'POST' && api === '/jabatan/unorjabatan/save') {
    let rec;
    try {
      rec = JSON.parse(body);
    } catch {
      return send(res, 400, { success: false, message: 'bukan JSON' });
    }
    const id = rec.pnsId;
    attempts[id] = (attempts[id] ?? 0) + 1;
    if (typeof id !== 'string' || !/^[0-9a-f]{32}$/.test(id) || !rec.unorId || !rec.nomorSk || !/^\d\d-\d\d-\d{4}$/.test(rec.tanggalSk)) {
      return send(res, 200, { success: false, message: 'data tidak lengkap' });
    }
    if (mode.error500.has(id)) return send(res, 500, { message: 'Internal Server Error' });
    if (mode.malformed.has(id)) return send(res, 200, null, '{"success": tr');
    if (mode.refuseOnce.has(id)) {
      mode.refuseOnce.delete(id);
      return send(res, 200, { success: false, message: 'riwayat jabatan bentrok' });
    }
    accepted[id] = (accepted[id] ?? 0) + 1;
    return send(res, 200, { success: true, message: 'success', mapData: { rwJabatanId: 'rw-' + id.slice(-6) } });
  }
  return send(res, 404, { error: 'not found' });
});

server.listen(0, '127.0.0.1', () => {
  writeFileSync(process.argv[2], String(server.address().port));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
