// SPDX-License-Identifier: MIT
// The dashboard's map, drawn as SVG from the data alone (no tile server,
// nothing from outside the app, so it works offline under the CSP).
//
// With boundaries (GET /api/batas): the kelurahan polygons are the base,
// the kecamatan outlines are the outline of the union of their kelurahan,
// drawn by the browser: an SVG mask per kecamatan that is its kelurahan
// widened by a stroke minus its kelurahan filled, over a dark rectangle,
// leaves a band along the union's edge only (the borders between its own
// kelurahan are covered by their fills). Simplified neighbouring polygons
// do not share every vertex, so matching shared edges would leave inner
// lines; the mask does not care. With labels, a scale bar and a north arrow; the units sit on top as dots
// coloured by their staffing gap. A choropleth mode colours each kelurahan
// or kecamatan by the summed gap of the units in it (units placed by
// their coordinates, point in polygon, else by their 'kecamatan' field).
// Zoom and pan change the SVG's viewBox: buttons, the mouse wheel,
// dragging, and the keyboard (arrows, + and -) on the focused map.
//
// Without boundaries (another government that imported none) it draws
// the units alone, as dots on their own coordinates.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { num, strings, t } from '../i18n.js';
import { href } from '../ui.jsx';

strings({
  id: {
    map_short5: 'Kekurangan 5 atau lebih',
    map_short: 'Kekurangan 1–4',
    map_even: 'Seimbang',
    map_surplus: 'Kelebihan 1–4',
    map_surplus5: 'Kelebihan 5 atau lebih',
    map_none: 'Belum ada ABK',
    map_empty_area: 'Tidak ada unit ber-ABK',
    map_pct_short20: 'Kekurangan 20% kebutuhan atau lebih',
    map_pct_short: 'Kekurangan 5–20%',
    map_pct_even: 'Seimbang (selisih ±5%)',
    map_pct_surplus: 'Kelebihan 5–20%',
    map_pct_surplus20: 'Kelebihan 20% atau lebih',
    map_area: 'Wilayah kelurahan',
    map_kec_line: 'Batas kecamatan',
    map_label: 'Peta {n} unit kerja; warna menunjukkan selisih pegawai',
    map_label_areas: 'Peta {n} kelurahan dan {k} kecamatan; warna menunjukkan selisih pegawai',
    map_dot: '{nama}: selisih {gap}, bezetting {h}',
    map_area_title: '{nama} (Kec. {kec}): {n} unit, selisih {gap} dari kebutuhan {need}',
    map_kec_title: 'Kecamatan {nama}: {n} unit, selisih {gap} dari kebutuhan {need}',
    map_no_coords: 'Tidak ada unit dengan koordinat dalam cakupan ini.',
    map_mode: 'Warna peta',
    map_mode_units: 'Unit kerja',
    map_mode_kel: 'Selisih per kelurahan',
    map_mode_kec: 'Selisih per kecamatan',
    map_zoom_in: 'Perbesar',
    map_zoom_out: 'Perkecil',
    map_zoom_reset: 'Tampilan awal',
    map_keys: 'Geser dengan tombol panah atau seret; perbesar dengan + dan -, roda tetikus, atau tombol.',
    map_north: 'Utara',
    map_legend: 'Keterangan warna peta',
  },
  en: {
    map_short5: 'Shortage of 5 or more',
    map_short: 'Shortage 1–4',
    map_even: 'Balanced',
    map_surplus: 'Surplus 1–4',
    map_surplus5: 'Surplus of 5 or more',
    map_none: 'No ABK yet',
    map_empty_area: 'No unit with an ABK',
    map_pct_short20: 'Shortage of 20% of need or more',
    map_pct_short: 'Shortage 5–20%',
    map_pct_even: 'Balanced (gap within ±5%)',
    map_pct_surplus: 'Surplus 5–20%',
    map_pct_surplus20: 'Surplus of 20% or more',
    map_area: 'Kelurahan area',
    map_kec_line: 'Kecamatan boundary',
    map_label: 'Map of {n} work units; colour shows the staffing gap',
    map_label_areas: 'Map of {n} kelurahan and {k} kecamatan; colour shows the staffing gap',
    map_dot: '{nama}: gap {gap}, in post {h}',
    map_area_title: '{nama} (Kec. {kec}): {n} units, gap {gap} of a need of {need}',
    map_kec_title: 'Kecamatan {nama}: {n} units, gap {gap} of a need of {need}',
    map_no_coords: 'No unit with coordinates in this scope.',
    map_mode: 'Map colours',
    map_mode_units: 'Work units',
    map_mode_kel: 'Gap per kelurahan',
    map_mode_kec: 'Gap per kecamatan',
    map_zoom_in: 'Zoom in',
    map_zoom_out: 'Zoom out',
    map_zoom_reset: 'Initial view',
    map_keys: 'Pan with the arrow keys or by dragging; zoom with + and -, the mouse wheel or the buttons.',
    map_north: 'North',
    map_legend: 'Map colour key',
  },
});

const W = 800;
const H = 560;
const PAD = 24;
const KM_PER_DEG = 111.32;
const AREA_FILL = '#eef1f4';
const EMPTY_FILL = '#f7f7f5';

// The gap classes: every colour the map uses is one of these (and the
// legend lists them).
const CLASSES = [
  ['#8e1b14', 'map_short5'],
  ['#d9534f', 'map_short'],
  ['#2e7d32', 'map_even'],
  ['#3d85c6', 'map_surplus'],
  ['#073763', 'map_surplus5'],
];
const NO_ABK = '#8c959f';
// The areas' classes: the summed gap as a share of the summed need (a
// kecamatan's sum would always be "5 or more" in people).
const AREA_CLASSES = [
  [CLASSES[0][0], 'map_pct_short20'],
  [CLASSES[1][0], 'map_pct_short'],
  [CLASSES[2][0], 'map_pct_even'],
  [CLASSES[3][0], 'map_pct_surplus'],
  [CLASSES[4][0], 'map_pct_surplus20'],
];

function areaColour(st) {
  const pct = st.need > 0 ? (100 * st.gap) / st.need : st.gap === 0 ? 0 : st.gap < 0 ? -100 : 100;
  if (pct <= -20) {
    return AREA_CLASSES[0][0];
  }
  if (pct < -5) {
    return AREA_CLASSES[1][0];
  }
  if (pct <= 5) {
    return AREA_CLASSES[2][0];
  }
  return pct >= 20 ? AREA_CLASSES[4][0] : AREA_CLASSES[3][0];
}

function gapColour(gap) {
  if (gap <= -5) {
    return CLASSES[0][0];
  }
  if (gap < 0) {
    return CLASSES[1][0];
  }
  if (gap === 0) {
    return CLASSES[2][0];
  }
  return gap >= 5 ? CLASSES[4][0] : CLASSES[3][0];
}

function hasAbk(r) {
  return r && r.kebutuhan_bulat !== null && r.kebutuhan_bulat !== undefined;
}

function unitColour(r) {
  return hasAbk(r) ? gapColour(r.selisih) : NO_ABK;
}

const signed = (g) => (g > 0 ? '+' + g : num(g));

// The units of 'refs' that have an ABK row here, with their row.
function unitsWithRows(rows, refs) {
  const byUnit = new Map(rows.map((r) => [r.unit, r]));
  return refs.list.filter((u) => byUnit.has(u.kode)).map((u) => ({ u, r: byUnit.get(u.kode) }));
}

// A projection that fits the box [x0, x1] x [y0, y1] (degrees) in W x H:
// equirectangular, longitudes shrunk by the cosine of the middle latitude.
function projection(x0, x1, y0, y1) {
  const k = Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
  const sx = (x1 - x0) * k || 1e-3;
  const sy = y1 - y0 || 1e-3;
  const scale = Math.min((W - 2 * PAD) / sx, (H - 2 * PAD) / sy);
  const ox = PAD + (W - 2 * PAD - sx * scale) / 2;
  const oy = PAD + (H - 2 * PAD - sy * scale) / 2;
  return {
    x: (lon) => ox + (lon - x0) * k * scale,
    y: (lat) => oy + (y1 - lat) * scale,
    pxPerKm: scale / KM_PER_DEG,
  };
}

const polygonsOf = (g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

function inRing(lon, lat, ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) {
      inside = !inside;
    }
  }
  return inside;
}

function inGeometry(lon, lat, polys) {
  return polys.some((p) => inRing(lon, lat, p[0]) && !p.slice(1).some((hole) => inRing(lon, lat, hole)));
}

// Area-weighted centre of a ring in projected units, and its area.
function ringCentre(pts) {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const f = pts[j][0] * pts[i][1] - pts[i][0] * pts[j][1];
    a += f;
    cx += (pts[j][0] + pts[i][0]) * f;
    cy += (pts[j][1] + pts[i][1]) * f;
  }
  if (Math.abs(a) < 1e-9) {
    return { x: pts[0][0], y: pts[0][1], area: 0 };
  }
  return { x: cx / (3 * a), y: cy / (3 * a), area: Math.abs(a / 2) };
}

// Everything drawn that depends on the data only (not on zoom or mode).
function buildAreas(batas, units) {
  const feats = batas.features.filter((f) => f.geometry && f.properties);
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const f of feats) {
    for (const p of polygonsOf(f.geometry)) {
      for (const [lon, lat] of p[0]) {
        x0 = Math.min(x0, lon);
        x1 = Math.max(x1, lon);
        y0 = Math.min(y0, lat);
        y1 = Math.max(y1, lat);
      }
    }
  }
  const pr = projection(x0, x1, y0, y1);
  const fmt = (v) => v.toFixed(1);
  const kel = [];
  const kecs = new Map(); // kecamatan code -> its outline and totals
  for (const f of feats) {
    const p = f.properties;
    const polys = polygonsOf(f.geometry);
    let d = '';
    let best = { area: -1 };
    let bbox = [Infinity, -Infinity, Infinity, -Infinity];
    for (const poly of polys) {
      for (const ring of poly) {
        const pts = ring.map(([lon, lat]) => [pr.x(lon), pr.y(lat)]);
        d += 'M' + pts.map(([x, y]) => fmt(x) + ',' + fmt(y)).join('L') + 'Z';
        for (const [lon, lat] of ring) {
          bbox = [Math.min(bbox[0], lon), Math.max(bbox[1], lon), Math.min(bbox[2], lat), Math.max(bbox[3], lat)];
        }
      }
      const c = ringCentre(poly[0].map(([lon, lat]) => [pr.x(lon), pr.y(lat)]));
      if (c.area > best.area) {
        best = c;
      }
    }
    const kecKode = p.jenis === 'kecamatan' ? p.kode : p.kecamatan_kode || '';
    const kecNama = p.jenis === 'kecamatan' ? p.nama : p.kecamatan || kecKode;
    const area = { kode: p.kode, nama: p.nama, jenis: p.jenis, kec: kecKode, polys, bbox, d, centre: best };
    if (!kecs.has(kecKode)) {
      kecs.set(kecKode, { kode: kecKode, nama: kecNama, d: '', sx: 0, sy: 0, area: 0 });
    }
    const k = kecs.get(kecKode);
    if (p.jenis === 'kecamatan') {
      k.nama = p.nama;
    }
    k.sx += best.x * best.area;
    k.sy += best.y * best.area;
    k.area += best.area;
    if (p.jenis !== 'kecamatan' || k.d === '') {
      k.d += d;
    }
    if (p.jenis !== 'kecamatan') {
      kel.push(area);
    }
  }
  const kecList = [...kecs.values()].map((k) => ({
    kode: k.kode,
    nama: k.nama,
    area: k.d,
    label: { x: k.sx / (k.area || 1), y: k.sy / (k.area || 1) },
  }));
  // Units: into a kelurahan by their coordinates, else into a kecamatan
  // by name.
  const byKecName = new Map(kecList.map((k) => [k.nama.toLowerCase(), k.kode]));
  const placed = units.map(({ u, r }) => {
    let where = null;
    if (typeof u.lat === 'number' && typeof u.lon === 'number') {
      where = kel.find(
        (a) =>
          u.lon >= a.bbox[0] &&
          u.lon <= a.bbox[1] &&
          u.lat >= a.bbox[2] &&
          u.lat <= a.bbox[3] &&
          inGeometry(u.lon, u.lat, a.polys),
      );
    }
    const kec = where ? where.kec : u.kecamatan ? byKecName.get(u.kecamatan.toLowerCase()) || null : null;
    return { u, r, kel: where ? where.kode : null, kec };
  });
  return { pr, kel, kec: kecList, placed };
}

function sumGaps(placed, keyOf) {
  const out = new Map();
  for (const p of placed) {
    const k = keyOf(p);
    if (k && hasAbk(p.r)) {
      const s = out.get(k) || { n: 0, gap: 0, need: 0 };
      s.n++;
      s.gap += p.r.selisih;
      s.need += p.r.kebutuhan_bulat;
      out.set(k, s);
    }
  }
  return out;
}

// A scale bar length: the largest of 0.5, 1, 2, 5... km that fits.
function niceKm(maxKm) {
  const steps = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];
  let best = steps[0];
  for (const s of steps) {
    if (s <= maxKm) {
      best = s;
    }
  }
  return best;
}

function Legend({ items }) {
  return (
    <ul class="legend" aria-label={t('map_legend')}>
      {items.map(([c, k, line]) => (
        <li key={k} data-colour={c}>
          <i class={line ? 'line' : undefined} style={{ background: c }} />
          {t(k)}
        </li>
      ))}
    </ul>
  );
}

function Dot({ u, r, x, y, rad }) {
  const label = t('map_dot', { nama: u.nama, gap: signed(r.selisih), h: r.bezetting });
  return (
    <a href={href('unit/' + u.kode)} aria-label={label} data-unit={u.kode}>
      <circle cx={x.toFixed(1)} cy={y.toFixed(1)} r={rad.toFixed(2)} fill={unitColour(r)}>
        <title>{label}</title>
      </circle>
    </a>
  );
}

const dotRadius = (r) => 3 + Math.sqrt(r.bezetting || 1);

// The units alone on their own coordinates (no boundaries imported).
function DotMap({ units }) {
  const dots = units.filter(({ u }) => typeof u.lat === 'number' && typeof u.lon === 'number');
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
  const pr = projection(x0, x1, y0, y1);
  const used = new Set(dots.map(({ r }) => unitColour(r)));
  return (
    <div class="map">
      <svg viewBox={`0 0 ${W} ${H}`} role="group" aria-label={t('map_label', { n: dots.length })}>
        {dots.map(({ u, r }) => (
          <Dot key={u.kode} u={u} r={r} x={pr.x(u.lon)} y={pr.y(u.lat)} rad={dotRadius(r)} />
        ))}
      </svg>
      <Legend items={[...CLASSES, [NO_ABK, 'map_none']].filter(([c]) => used.has(c))} />
    </div>
  );
}

const HOME = { x: 0, y: 0, w: W, h: H };

function AreaMap({ units, batas }) {
  const geo = useMemo(() => buildAreas(batas, units), [batas, units]);
  const [mode, setMode] = useState('units');
  const [vb, setVb] = useState(HOME);
  const svgRef = useRef(null);
  const drag = useRef(null);
  const zoom = W / vb.w;

  const zoomBy = (f, cx = vb.x + vb.w / 2, cy = vb.y + vb.h / 2) =>
    setVb((v) => {
      const w = Math.min(W, Math.max(W / 16, v.w / f));
      const h = (w * H) / W;
      return clampVb({ x: cx - ((cx - v.x) * w) / v.w, y: cy - ((cy - v.y) * h) / v.h, w, h });
    });
  const panBy = (dx, dy) => setVb((v) => clampVb({ ...v, x: v.x + dx * v.w, y: v.y + dy * v.h }));

  // The wheel needs a listener that may cancel the page's scroll.
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) {
      return undefined;
    }
    const onWheel = (e) => {
      e.preventDefault();
      const box = svg.getBoundingClientRect();
      setVb((v) => {
        const cx = v.x + ((e.clientX - box.left) / box.width) * v.w;
        const cy = v.y + ((e.clientY - box.top) / box.height) * v.h;
        const f = e.deltaY < 0 ? 1.25 : 0.8;
        const w = Math.min(W, Math.max(W / 16, v.w / f));
        const h = (w * H) / W;
        return clampVb({ x: cx - ((cx - v.x) * w) / v.w, y: cy - ((cy - v.y) * h) / v.h, w, h });
      });
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  }, []);

  const onPointerDown = (e) => {
    if (e.button !== 0) {
      return;
    }
    drag.current = { x: e.clientX, y: e.clientY, vb, moved: false };
  };
  const onPointerMove = (e) => {
    const d = drag.current;
    if (!d) {
      return;
    }
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.abs(dx) + Math.abs(dy) < 4) {
      return;
    }
    if (!d.moved) {
      d.moved = true;
      svgRef.current.setPointerCapture?.(e.pointerId);
    }
    const box = svgRef.current.getBoundingClientRect();
    setVb(clampVb({ ...d.vb, x: d.vb.x - (dx / box.width) * d.vb.w, y: d.vb.y - (dy / box.height) * d.vb.h }));
  };
  const onPointerUp = () => {
    const d = drag.current;
    drag.current = null;
    if (d && d.moved) {
      // A drag is not a click on the unit under the pointer.
      const stop = (ev) => {
        ev.preventDefault();
        ev.stopPropagation();
      };
      svgRef.current.addEventListener('click', stop, { capture: true, once: true });
      setTimeout(() => svgRef.current && svgRef.current.removeEventListener('click', stop, { capture: true }), 0);
    }
  };
  const onKeyDown = (e) => {
    const k = e.key;
    const step = 0.1;
    const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    if (moves[k]) {
      panBy(...moves[k]);
    } else if (k === '+' || k === '=') {
      zoomBy(1.5);
    } else if (k === '-' || k === '_') {
      zoomBy(1 / 1.5);
    } else if (k === '0') {
      setVb(HOME);
    } else {
      return;
    }
    e.preventDefault();
  };

  const byKel = useMemo(() => sumGaps(geo.placed, (p) => p.kel), [geo]);
  const byKec = useMemo(() => sumGaps(geo.placed, (p) => p.kec), [geo]);
  const kecName = new Map(geo.kec.map((k) => [k.kode, k.nama]));
  const fillOf = (a) => {
    if (mode === 'units') {
      return AREA_FILL;
    }
    const s = mode === 'kelurahan' ? byKel.get(a.kode) : byKec.get(a.kec);
    return s ? areaColour(s) : EMPTY_FILL;
  };
  const dots = geo.placed.filter(({ u }) => typeof u.lat === 'number' && typeof u.lon === 'number');
  const used = new Set();
  let legend;
  if (mode === 'units') {
    dots.forEach(({ r }) => used.add(unitColour(r)));
    legend = [
      ...[...CLASSES, [NO_ABK, 'map_none']].filter(([c]) => used.has(c)),
      [AREA_FILL, 'map_area'],
      ['#3b4652', 'map_kec_line', true],
    ];
  } else {
    geo.kel.forEach((a) => used.add(fillOf(a)));
    legend = [
      ...AREA_CLASSES.filter(([c]) => used.has(c)),
      ...(used.has(EMPTY_FILL) ? [[EMPTY_FILL, 'map_empty_area']] : []),
      ['#3b4652', 'map_kec_line', true],
    ];
  }
  // The overlay (scale bar, north arrow) stays put on the screen: it is
  // drawn in the view box's own corner, scaled back by the zoom.
  const s = 1 / zoom;
  const barKm = niceKm(150 / (geo.pr.pxPerKm * zoom));
  const barLen = barKm * geo.pr.pxPerKm * zoom;
  const showKelLabels = zoom >= 1.5;
  const modes = [
    ['units', 'map_mode_units'],
    ['kelurahan', 'map_mode_kel'],
    ['kecamatan', 'map_mode_kec'],
  ];
  return (
    <div class="map">
      <div class="map-tools">
        <div class="seg" role="group" aria-label={t('map_mode')}>
          {modes.map(([m, k]) => (
            <button
              key={m}
              type="button"
              class={mode === m ? 'on' : undefined}
              aria-pressed={mode === m ? 'true' : 'false'}
              data-mode={m}
              onClick={() => setMode(m)}
            >
              {t(k)}
            </button>
          ))}
        </div>
        <div class="seg">
          <button
            type="button"
            aria-label={t('map_zoom_in')}
            title={t('map_zoom_in')}
            data-zoom="in"
            onClick={() => zoomBy(1.5)}
          >
            +
          </button>
          <button
            type="button"
            aria-label={t('map_zoom_out')}
            title={t('map_zoom_out')}
            data-zoom="out"
            onClick={() => zoomBy(1 / 1.5)}
          >
            −
          </button>
          <button
            type="button"
            aria-label={t('map_zoom_reset')}
            title={t('map_zoom_reset')}
            data-zoom="reset"
            onClick={() => setVb(HOME)}
          >
            ⟲
          </button>
        </div>
      </div>
      <svg
        ref={svgRef}
        viewBox={`${vb.x.toFixed(2)} ${vb.y.toFixed(2)} ${vb.w.toFixed(2)} ${vb.h.toFixed(2)}`}
        role="group"
        // Preact sets 'tabIndex' as a property, which an SVG element
        // ignores: the attribute makes the map focusable for the keys.
        // eslint-disable-next-line react/no-unknown-property
        tabindex="0"
        aria-label={t('map_label_areas', { n: geo.kel.length, k: geo.kec.length }) + '. ' + t('map_keys')}
        data-mode={mode}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={onKeyDown}
      >
        <g class="kelurahan">
          {geo.kel.map((a) => {
            const st = (mode === 'kecamatan' ? byKec.get(a.kec) : byKel.get(a.kode)) || { n: 0, gap: 0, need: 0 };
            const title =
              mode === 'kecamatan'
                ? t('map_kec_title', {
                    nama: kecName.get(a.kec) || a.kec,
                    n: st.n,
                    gap: signed(st.gap),
                    need: num(st.need),
                  })
                : t('map_area_title', {
                    nama: a.nama,
                    kec: kecName.get(a.kec) || a.kec,
                    n: st.n,
                    gap: signed(st.gap),
                    need: num(st.need),
                  });
            return (
              <path key={a.kode} d={a.d} fill={fillOf(a)} data-kelurahan={a.kode} data-kecamatan={a.kec}>
                <title>{title}</title>
              </path>
            );
          })}
        </g>
        <defs>
          {geo.kec.map((k, i) => (
            <mask
              key={k.kode}
              id={'kec-outline-' + i}
              maskUnits="userSpaceOnUse"
              x={-W}
              y={-H}
              width={3 * W}
              height={3 * H}
            >
              <path d={k.area} fill="#fff" stroke="#fff" style={{ strokeWidth: 5 * s, strokeLinejoin: 'round' }} />
              <path d={k.area} fill="#000" />
            </mask>
          ))}
        </defs>
        <g class="kecamatan">
          {geo.kec.map((k, i) => (
            <rect
              key={k.kode}
              data-kecamatan={k.kode}
              x={-W}
              y={-H}
              width={3 * W}
              height={3 * H}
              mask={`url(#kec-outline-${i})`}
            />
          ))}
        </g>
        {showKelLabels && (
          <g class="labels kel-labels" aria-hidden="true">
            {geo.kel.map((a) => (
              <text
                key={a.kode}
                x={a.centre.x.toFixed(1)}
                y={a.centre.y.toFixed(1)}
                style={{ fontSize: 9 * s, strokeWidth: 2.5 * s }}
              >
                {a.nama}
              </text>
            ))}
          </g>
        )}
        {mode === 'units' && (
          <g class="units">
            {dots.map(({ u, r }) => (
              <Dot
                key={u.kode}
                u={u}
                r={r}
                x={geo.pr.x(u.lon)}
                y={geo.pr.y(u.lat)}
                rad={dotRadius(r) / Math.sqrt(zoom)}
              />
            ))}
          </g>
        )}
        <g class="labels kec-labels" aria-hidden="true">
          {geo.kec.map((k) => (
            <text
              key={k.kode}
              x={k.label.x.toFixed(1)}
              y={k.label.y.toFixed(1)}
              style={{ fontSize: 15 * s, strokeWidth: 3.5 * s }}
            >
              {k.nama}
            </text>
          ))}
        </g>
        <g class="overlay" transform={`translate(${vb.x.toFixed(2)} ${vb.y.toFixed(2)}) scale(${s})`}>
          <g class="north" transform={`translate(${W - 40} 18)`} aria-label={t('map_north')} role="img">
            <path d="M0,0 L9,26 L0,20 L-9,26 Z" />
            <text x="0" y="42">
              U
            </text>
          </g>
          <g class="scale" transform={`translate(20 ${H - 22})`} data-km={barKm}>
            <rect x="-6" y="-18" width={barLen + 12} height="28" rx="3" />
            <path d={`M0,-6 V0 H${barLen.toFixed(1)} V-6`} />
            <text x={(barLen / 2).toFixed(1)} y="-7">
              {num(barKm)} km
            </text>
          </g>
        </g>
      </svg>
      <Legend items={legend} />
    </div>
  );
}

function clampVb(v) {
  // Keep some of the map in view.
  const x = Math.min(Math.max(v.x, -v.w / 2), W - v.w / 2);
  const y = Math.min(Math.max(v.y, -v.h / 2), H - v.h / 2);
  return { ...v, x, y };
}

export default function UnitMap({ rows, refs, batas }) {
  const units = useMemo(() => unitsWithRows(rows, refs), [rows, refs]);
  if (batas && batas.features && batas.features.some((f) => f.properties && f.properties.jenis !== 'kecamatan')) {
    return <AreaMap units={units} batas={batas} />;
  }
  return <DotMap units={units} />;
}
