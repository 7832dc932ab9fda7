// SPDX-License-Identifier: MIT
// A map of work units drawn from their own coordinates (no tile server):
// an equirectangular projection corrected for latitude, one dot per unit
// coloured by its staffing gap; each dot is a link to the unit.
import { useMemo } from 'preact/hooks';
import { num, strings, t } from '../i18n.js';
import { href } from '../ui.jsx';

strings({
  id: {
    map_short: 'Kekurangan',
    map_even: 'Seimbang',
    map_surplus: 'Kelebihan',
    map_none: 'Belum ada ABK',
    map_label: 'Peta {n} unit kerja; warna menunjukkan selisih pegawai',
    map_dot: '{nama}: selisih {gap}, bezetting {h}',
    map_no_coords: 'Tidak ada unit dengan koordinat dalam cakupan ini.',
  },
  en: {
    map_short: 'Shortage',
    map_even: 'Balanced',
    map_surplus: 'Surplus',
    map_none: 'No ABK yet',
    map_label: 'Map of {n} work units; colour shows the staffing gap',
    map_dot: '{nama}: gap {gap}, in post {h}',
    map_no_coords: 'No unit with coordinates in this scope.',
  },
});

const W = 800;
const H = 560;
const PAD = 24;

function colour(r) {
  if (!r || r.kebutuhan_bulat === null || r.kebutuhan_bulat === undefined) {
    return '#8c959f';
  }
  if (r.selisih < 0) {
    return r.selisih <= -5 ? '#8e1b14' : '#d9534f';
  }
  if (r.selisih > 0) {
    return r.selisih >= 5 ? '#073763' : '#3d85c6';
  }
  return '#2e7d32';
}

export default function UnitMap({ rows, refs }) {
  const dots = useMemo(() => {
    const byUnit = new Map(rows.map((r) => [r.unit, r]));
    const pts = [];
    for (const u of refs.list) {
      if (typeof u.lat === 'number' && typeof u.lon === 'number' && (byUnit.has(u.kode) || u.jenis !== 'opd')) {
        pts.push({ u, r: byUnit.get(u.kode) });
      }
    }
    return pts.filter((p) => p.r);
  }, [rows, refs]);
  if (dots.length === 0) {
    return <p class="empty">{t('map_no_coords')}</p>;
  }
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const { u } of dots) {
    x0 = Math.min(x0, u.lon);
    x1 = Math.max(x1, u.lon);
    y0 = Math.min(y0, u.lat);
    y1 = Math.max(y1, u.lat);
  }
  const k = Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
  const sx = (x1 - x0) * k || 1e-3;
  const sy = y1 - y0 || 1e-3;
  const scale = Math.min((W - 2 * PAD) / sx, (H - 2 * PAD) / sy);
  const px = (lon) => PAD + (lon - x0) * k * scale + (W - 2 * PAD - sx * scale) / 2;
  const py = (lat) => PAD + (y1 - lat) * scale + (H - 2 * PAD - sy * scale) / 2;
  const legend = [
    ['#d9534f', 'map_short'],
    ['#2e7d32', 'map_even'],
    ['#3d85c6', 'map_surplus'],
    ['#8c959f', 'map_none'],
  ];
  return (
    <div class="map">
      <svg viewBox={`0 0 ${W} ${H}`} role="group" aria-label={t('map_label', { n: dots.length })}>
        {dots.map(({ u, r }) => {
          const label = t('map_dot', {
            nama: u.nama,
            gap: r.selisih > 0 ? '+' + r.selisih : num(r.selisih),
            h: r.bezetting,
          });
          return (
            <a key={u.kode} href={href('unit/' + u.kode)} aria-label={label} data-unit={u.kode}>
              <circle
                cx={px(u.lon).toFixed(1)}
                cy={py(u.lat).toFixed(1)}
                r={(3 + Math.sqrt(r.bezetting || 1)).toFixed(1)}
                fill={colour(r)}
              >
                <title>{label}</title>
              </circle>
            </a>
          );
        })}
      </svg>
      <ul class="legend">
        {legend.map(([c, k2]) => (
          <li key={k2}>
            <i style={{ background: c }} />
            {t(k2)}
          </li>
        ))}
      </ul>
    </div>
  );
}
