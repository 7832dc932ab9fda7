// SPDX-License-Identifier: MIT
// Shared pieces of every page: data hooks, the router, tables, charts,
// rating badges, form fields, notices and the reference data (units,
// jabatan) that turns codes into names.
import { createContext } from 'preact';
import { useContext, useEffect, useRef, useState, useCallback } from 'preact/hooks';
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { get } from './api.js';
import { date, num, t } from './i18n.js';
import './vocab.js';

Chart.register(ArcElement, BarController, BarElement, CategoryScale, DoughnutController, Legend, LinearScale, Tooltip);
Chart.defaults.font.family = 'system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif';
Chart.defaults.animation = false;

// ---- session and reference data -------------------------------------
export const Session = createContext({ me: null, refs: null });
export const useSession = () => useContext(Session);

// Names of units and jabatan from their codes; the code itself when the
// reference list does not know it (or the caller may not see it).
export function unitName(refs, kode) {
  if (!kode) {
    return '–';
  }
  const u = refs && refs.units.get(kode);
  return u ? u.nama : kode;
}

export function jabatanName(refs, kode) {
  if (!kode) {
    return '–';
  }
  const j = refs && refs.jabatan.get(kode);
  return j && j.nama ? j.nama : kode;
}

export async function loadRefs(role) {
  const refs = { units: new Map(), jabatan: new Map(), list: [] };
  if (role === 'admin') {
    return refs;
  }
  const [units, jabatan] = await Promise.all([get('/api/units'), get('/api/jabatan').catch(() => ({ rows: [] }))]);
  for (const u of units.rows) {
    refs.units.set(u.kode, u);
  }
  refs.list = units.rows;
  for (const j of jabatan.rows) {
    refs.jabatan.set(j.kode, j);
  }
  return refs;
}

// ---- data hooks ---------------------------------------------------------
// Load 'path' (null: nothing yet); reload() fetches again.
export function useApi(path) {
  const [state, setState] = useState({ data: null, error: null, loading: !!path });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!path) {
      setState({ data: null, error: null, loading: false });
      return undefined;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    get(path).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error) => live && setState({ data: null, error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [path, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}

// ---- router (hash based: the server serves one page) -------------------
function parseHash() {
  const h = decodeURIComponent(location.hash.replace(/^#\/?/, ''));
  const [path, query = ''] = h.split('?');
  return { parts: path.split('/').filter(Boolean), query: new URLSearchParams(query) };
}

export function useRoute() {
  const [route, setRoute] = useState(parseHash);
  useEffect(() => {
    const on = () => setRoute(parseHash());
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}

export function go(path) {
  location.hash = '#/' + path.replace(/^\//, '');
}

export const href = (path) => '#/' + path.split('/').map(encodeURIComponent).join('/');

// ---- layout pieces -----------------------------------------------------
export function Page({ title, actions, children }) {
  useEffect(() => {
    document.title = `${title} — ${t('app_name')}`;
  }, [title]);
  return (
    <section class="page">
      <header class="page-head">
        <h1 id="page-title" tabIndex={-1}>
          {title}
        </h1>
        {actions && <div class="page-actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}

export function Card({ title, children, wide, id }) {
  return (
    <section id={id} class={'card' + (wide ? ' wide' : '')} aria-labelledby={id ? id + '-h' : undefined}>
      {title && <h2 id={id ? id + '-h' : undefined}>{title}</h2>}
      {children}
    </section>
  );
}

export function Loading() {
  return (
    <p class="loading" role="status">
      {t('loading')}
    </p>
  );
}

export function ErrorBox({ error, onRetry }) {
  if (!error) {
    return null;
  }
  let msg = error.message || String(error);
  if (error.status === 403) {
    msg = t('forbidden');
  } else if (error.status === 404 && !error.message) {
    msg = t('not_found');
  }
  return (
    <div class="notice error" role="alert">
      <strong>{t('error_title')}:</strong> {msg}
      {onRetry && error.status !== 403 && (
        <button type="button" class="link" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}

// Render 'children(data)' once 'q' (from useApi) has data.
export function Async({ q, children }) {
  if (q.error) {
    return <ErrorBox error={q.error} onRetry={q.reload} />;
  }
  if (!q.data) {
    return <Loading />;
  }
  return children(q.data);
}

export function Notice({ kind = 'info', children }) {
  return (
    <div class={'notice ' + kind} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

// ---- toasts -------------------------------------------------------------
let toastSink = () => {};
export function toast(text, kind = 'ok') {
  toastSink({ text, kind, id: Math.random() });
}

export function Toasts() {
  const [items, setItems] = useState([]);
  useEffect(() => {
    toastSink = (m) => {
      setItems((xs) => [...xs, m]);
      setTimeout(() => setItems((xs) => xs.filter((x) => x.id !== m.id)), 6000);
    };
  }, []);
  return (
    <div class="toasts" aria-live="polite">
      {items.map((m) => (
        <div key={m.id} class={'toast ' + m.kind} role="status">
          {m.text}
        </div>
      ))}
    </div>
  );
}

// ---- badges -------------------------------------------------------------
export function Pj({ value }) {
  if (!value) {
    return <span class="pj pj-none">{t('kosong')}</span>;
  }
  return (
    <span class={'pj pj-' + value} title={t('pj_' + value)}>
      {value}
    </span>
  );
}

export function Gap({ value }) {
  if (value === null || value === undefined) {
    return <span>–</span>;
  }
  const cls = value < 0 ? 'neg' : value > 0 ? 'pos' : 'zero';
  return (
    <span class={'gap ' + cls}>
      {value > 0 ? '+' : ''}
      {num(value)}
    </span>
  );
}

export function Status({ value }) {
  return <span class={'status st-' + value}>{t('status_' + value)}</span>;
}

// ---- tables -------------------------------------------------------------
// columns: [{key, label, render?(row), num?: true, sort?: value(row)}]
// 'sortable' false: the server pages the rows, so a sort of one page would
// mislead. 'resetKey' given: back to the first page only when it changes
// (a filter), not when the rows are merely reloaded (a decision taken in
// a row of page 3 keeps page 3).
// 'cards': on a narrow screen each row becomes a card, its cells labelled
// by their column, and the columns marked 'lead' (status, action) first.
export function Table({
  columns,
  rows,
  caption,
  label,
  rowKey,
  pageSize = 50,
  empty,
  id,
  sortable = true,
  resetKey,
  cards,
}) {
  const [sort, setSort] = useState(null);
  const [want, setPage] = useState(0);
  useEffect(() => setPage(0), [resetKey === undefined ? rows : resetKey]);
  if (!rows || rows.length === 0) {
    return <p class="empty">{empty || t('empty')}</p>;
  }
  let shown = rows;
  if (sort) {
    const col = columns.find((c) => c.key === sort.key);
    const val = col.sort || ((r) => r[col.key]);
    shown = [...rows].sort((a, b) => {
      const x = val(a);
      const y = val(b);
      const c = x === y ? 0 : x === null || x === undefined ? 1 : y === null || y === undefined ? -1 : x < y ? -1 : 1;
      return sort.dir * c;
    });
  }
  const pages = Math.ceil(shown.length / pageSize);
  const page = Math.max(0, Math.min(want, pages - 1)); // Fewer rows now.
  const slice = shown.slice(page * pageSize, (page + 1) * pageSize);
  const toggle = (key) => setSort((s) => (s && s.key === key ? { key, dir: -s.dir } : { key, dir: 1 }));
  return (
    // Focusable, so that a table wider than the screen scrolls by keyboard.
    <div
      class={cards ? 'table-wrap cards' : 'table-wrap'}
      tabIndex={0}
      role="region"
      aria-label={caption || label || t('table_label')}
    >
      <table id={id}>
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                class={c.num ? 'num' : ''}
                aria-sort={sort && sort.key === c.key ? (sort.dir > 0 ? 'ascending' : 'descending') : undefined}
              >
                {c.nosort || !sortable ? (
                  c.label
                ) : (
                  <button type="button" class="th-sort" onClick={() => toggle(c.key)}>
                    {c.label}
                  </button>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {slice.map((r, i) => (
            <tr key={rowKey ? rowKey(r) : i}>
              {columns.map((c) => (
                <td
                  key={c.key}
                  class={[c.num && 'num', c.lead && 'lead'].filter(Boolean).join(' ')}
                  data-label={cards && typeof c.label === 'string' ? c.label : undefined}
                >
                  {c.render ? c.render(r) : (r[c.key] ?? '–')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 && (
        <nav class="pager" aria-label={t('page_n', { n: page + 1 })}>
          <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
            {t('prev')}
          </button>
          <span>
            {t('page_n', { n: page + 1 })} / {pages}
          </span>
          <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
            {t('next')}
          </button>
        </nav>
      )}
    </div>
  );
}

// ---- charts -------------------------------------------------------------
export const PJ_COLOURS = { A: '#b3261e', B: '#2e7d32', C: '#6d8f1f', D: '#c77700', E: '#8e6b00' };

// On a narrow screen the names on a bar chart's category axis are
// shortened with an ellipsis so that they fit beside the bars instead of
// being cut off (the tooltip and the table keep the whole name).
function shortLabels(type, options = {}, el) {
  if (type !== 'bar') {
    return options;
  }
  const width = el?.parentNode?.clientWidth || window.innerWidth;
  const max = Math.max(12, Math.floor(width / 16));
  const axis = options.indexAxis === 'y' ? 'y' : 'x';
  const scales = { ...(options.scales || {}) };
  const own = scales[axis] || {};
  scales[axis] = {
    ...own,
    ticks: {
      ...(own.ticks || {}),
      callback(v) {
        const l = String(this.getLabelForValue(v));
        return l.length > max ? l.slice(0, max - 1) + '…' : l;
      },
    },
  };
  return { ...options, scales };
}

// A Chart.js chart with its numbers also readable as a table (for screen
// readers and for copying); 'onReady' is called after the first draw.
export function ChartView({ type, data, options, label, height = 300, table, onReady }) {
  const canvas = useRef(null);
  const chart = useRef(null);
  const told = useRef(false);
  // Drawn again only when the data change ('data' is memoised by callers);
  // the options are read when the chart is made.
  useEffect(() => {
    chart.current = new Chart(canvas.current, {
      type,
      data,
      options: { responsive: true, maintainAspectRatio: false, ...shortLabels(type, options, canvas.current) },
    });
    if (onReady && !told.current) {
      told.current = true;
      onReady();
    }
    return () => chart.current.destroy();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- new data only, as above.
  }, [type, data]);
  return (
    <figure class="chart">
      <div class="chart-box" style={{ height: height + 'px' }}>
        <canvas ref={canvas} role="img" aria-label={label} />
      </div>
      {table && (
        <details>
          <summary>{t('show_table')}</summary>
          {table}
        </details>
      )}
    </figure>
  );
}

// ---- form pieces -------------------------------------------------------
let fieldSeq = 0;
export function Field({ label, hint, children, id }) {
  const [fid] = useState(() => id || 'f' + ++fieldSeq);
  const child = typeof children === 'function' ? children(fid) : children;
  return (
    <div class="field">
      <label for={fid}>{label}</label>
      {child}
      {hint && (
        <small class="hint" id={fid + '-hint'}>
          {hint}
        </small>
      )}
    </div>
  );
}

// Marks of staff who are not in post today (the server's "keadaan"):
// a badge with words, not colour alone.
export function NotInPost({ p }) {
  return (p.keadaan || []).map((k) => (
    <span
      key={k}
      class={'tag keadaan keadaan-' + k}
      data-keadaan={k}
      title={t('keadaan_' + k + '_title', { d: date(p.tmt_pensiun) })}
    >
      {t('keadaan_' + k)}
    </span>
  ));
}

// A button that runs an async action, shows that it is busy, reports
// errors in a toast and refuses a second click meanwhile.
export function ActionButton({ onRun, children, kind = 'primary', confirm: ask, disabled, ...rest }) {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (ask && !window.confirm(ask)) {
      return;
    }
    setBusy(true);
    try {
      await onRun();
    } catch (e) {
      toast(e.message || String(e), 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" class={'btn ' + kind} disabled={busy || disabled} aria-busy={busy} onClick={run} {...rest}>
      {children}
    </button>
  );
}
