// The leaderboard: a sortable table over a window of task days, a rating chart with intervals, the
// pairwise win-rate heat map and the ratings over time.
import {
  api, ApiError, byIds, el, svg, clear, fmtInt, fmtRating, fmtPct, fmtUsd, fmtMs, fmtDateTime, fmtRelative, missing,
} from './common.js';

const {
  category: select, summary, status, board, charts, 'download-csv': csvLink, windows, range, from: fromInput,
  to: toInput, history: historySection,
} = byIds('category', 'summary', 'status', 'board', 'charts', 'download-csv', 'windows', 'range', 'from', 'to',
  'history');
const windowButtons = [...windows.querySelectorAll('button[data-window]')];
const WINDOWS = new Set(windowButtons.map((b) => b.dataset.window));
const DATE = /^\d{4}-\d{2}-\d{2}$/;

// which task days are shown: a standard window, or from–to
let selection = { window: 'all', from: null, to: null };
const tbody = document.querySelector('#ranking tbody');
const headers = [...document.querySelectorAll('#ranking th[data-key]')];

const TEXT_KEYS = new Set(['displayName', 'provider', 'firstDay']);
let models = [];
let sort = { key: 'rank', dir: 'ascending' };

const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const nameOf = (m) => m.displayName || m.model || '?';

function categoryName(c) {
  return typeof c === 'string' ? c : (c && (c.name || c.category || c.id)) || '';
}

let boardRequest = 0;  // only the answer to the latest selection is drawn

function boardParams(category) {
  const params = new URLSearchParams();
  if (category) params.set('category', category);
  if (selection.from) {
    params.set('from', selection.from);
    params.set('to', selection.to);
  } else if (selection.window !== 'all') {
    params.set('window', selection.window);
  }
  return params;
}

function showSelection() {
  for (const b of windowButtons) {
    b.setAttribute('aria-pressed', String(!selection.from && b.dataset.window === selection.window));
  }
  if (selection.from) {
    fromInput.value = selection.from;
    toInput.value = selection.to;
  }
}

async function load() {
  const request = ++boardRequest;
  const category = select.value;
  const params = boardParams(category);
  const query = params.toString() ? `?${params}` : '';
  csvLink.href = `/api/leaderboard.csv${query}`;
  const url = new URL(window.location.href);
  for (const key of ['category', 'window', 'from', 'to']) url.searchParams.delete(key);
  for (const [key, value] of params) url.searchParams.set(key, value);
  window.history.replaceState(null, '', url);
  showSelection();
  board.setAttribute('aria-busy', 'true');
  clear(status).append(el('p', { class: 'notice' }, el('span', { class: 'spinner', 'aria-hidden': 'true' }), 'Loading the leaderboard…'));
  try {
    const { body } = await api(`/api/leaderboard${query}`);
    if (request === boardRequest) render(body || {}, category);
  } catch (e) {
    if (request !== boardRequest) return;
    board.hidden = true;
    charts.hidden = true;
    summary.textContent = '';
    const retry = el('button', { type: 'button', class: 'btn primary' }, 'Try again');
    retry.addEventListener('click', load);
    let message = `Could not load the leaderboard: ${e.message}`;
    if (e instanceof ApiError && e.status === 404) message = 'No leaderboard yet for this selection.';
    else if (e instanceof ApiError && e.status === 400) message = `These days cannot be shown: ${e.message}`;
    else if (e instanceof ApiError && e.status === 503) {
      message = `The server is busy computing another range of days; try again in ${e.retryAfterSeconds || 5} s.`;
    }
    clear(status).append(el('div', { class: 'notice error' }, el('p', {}, message), el('div', { class: 'actions' }, retry)));
  } finally {
    board.removeAttribute('aria-busy');
  }
}

function fillCategories(categories, selected) {
  const names = (categories || []).map(categoryName).filter(Boolean);
  if (selected && !names.includes(selected)) names.push(selected);
  const existing = [...select.options].slice(1).map((o) => o.value);
  if (existing.join('\n') === names.join('\n')) return;
  while (select.options.length > 1) select.remove(1);
  for (const name of names) select.add(new Option(name, name, false, name === selected));
  select.value = selected || '';
}

function covers(data) {
  if (!data.from || !data.to) return 'All task days';
  const names = { '7d': 'Last 7 days', '30d': 'Last 30 days', '90d': 'Last 90 days' };
  const days = `${data.from} to ${data.to}`;
  return names[data.window] ? `${names[data.window]} (${days})` : `Task days ${days}`;
}

function render(data, category) {
  fillCategories(data.categories, category);
  models = Array.isArray(data.models) ? data.models : [];
  const parts = [covers(data)];
  if (data.computedAt) parts.push(`Last updated ${fmtRelative(data.computedAt)} (${fmtDateTime(data.computedAt)})`);
  parts.push(`${fmtInt(num(data.votes) ?? 0)} votes`);
  if (num(data.bootstrapRounds)) parts.push(`${fmtInt(data.bootstrapRounds)} bootstrap rounds`);
  summary.textContent = parts.join(' · ');
  if (data.computedAt) summary.title = data.computedAt;

  if (models.length === 0) {
    board.hidden = true;
    charts.hidden = true;
    clear(status).append(el('div', { class: 'notice' },
      el('p', {}, data.from ? 'No votes on the tasks of these days.' : 'No ranking yet: it appears once the first votes are in.'),
      el('div', { class: 'actions' }, el('a', { class: 'btn primary', href: '/' }, 'Vote in the arena'))));
    return;
  }
  clear(status).append(el('span', { class: 'visually-hidden' },
    `Leaderboard loaded: ${models.length} models${category ? ` in ${category}` : ''}.`));
  board.hidden = false;
  charts.hidden = false;
  lastBoard = data;
  renderTable();
  renderRatingChart(document.getElementById('rating-chart'), models);
  renderStyle(data.style, data.position);
  renderHeatmap(document.getElementById('heatmap'), data.matrix, models);
}

function sortValue(m, key) {
  return TEXT_KEYS.has(key) ? String(key === 'displayName' ? nameOf(m) : m[key] ?? '').toLowerCase() : num(m[key]);
}

function sorted() {
  const factor = sort.dir === 'ascending' ? 1 : -1;
  return [...models].sort((a, b) => {
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    if (x === y) return (num(b.rating) ?? 0) - (num(a.rating) ?? 0);
    if (x === null) return 1;   // unknown values sink, whatever the direction
    if (y === null) return -1;
    return (x < y ? -1 : 1) * factor;
  });
}

function interval(m) {
  const lo = num(m.ciLow);
  const hi = num(m.ciHigh);
  const r = num(m.rating);
  if (lo === null || hi === null) return el('td', { class: 'num' }, missing);
  const plus = r === null ? '' : `+${fmtRating(hi - r)} / −${fmtRating(r - lo)}`;
  return el('td', { class: 'num', title: plus }, `${fmtRating(lo)} – ${fmtRating(hi)}`);
}

function styleInterval(m) {
  const r = num(m.styleRating);
  const lo = num(m.styleCiLow);
  const hi = num(m.styleCiHigh);
  if (r === null) return el('td', { class: 'num style-col' }, missing);
  const range = lo === null || hi === null ? '' : `${fmtRating(lo)} – ${fmtRating(hi)}`;
  return el('td', { class: 'num style-col', title: range ? `95% interval ${range}` : '' },
    fmtRating(r), range ? el('span', { class: 'small muted interval' }, ` (${range})`) : null);
}

function renderTable() {
  clear(tbody);
  for (const m of sorted()) {
    // voted on, but never (even through other models) against the ranked ones: no rank can be given
    const rank = m.notYetComparable
      ? el('td', { class: 'not-comparable', title: 'Not yet compared with the ranked models' }, 'not yet comparable')
      : el('td', { class: 'num' }, fmtInt(num(m.rank)));
    tbody.append(el('tr', { 'data-model': m.model, 'data-comparable': m.notYetComparable ? 'false' : 'true' },
      rank,
      el('th', { scope: 'row', class: 'model-cell' }, nameOf(m),
        m.model ? el('span', { class: 'slug' }, m.model, el('span', { class: 'phone-only' }, m.provider ? ` · ${m.provider}` : '')) : null),
      el('td', { class: 'opt' }, m.provider || missing),
      el('td', { class: 'num' }, el('strong', {}, fmtRating(num(m.rating)))),
      interval(m),
      styleInterval(m),
      el('td', { class: 'num style-col' }, fmtInt(num(m.styleRank))),
      el('td', { class: 'num' }, fmtInt(num(m.votes))),
      el('td', { class: 'num' }, fmtPct(num(m.winRate))),
      el('td', { class: 'num' }, fmtPct(num(m.renderSuccessRate))),
      el('td', { class: 'num' }, fmtUsd(num(m.meanCostUsd))),
      el('td', { class: 'num' }, fmtMs(num(m.meanLatencyMs))),
      el('td', { class: 'num opt' }, fmtRating(num(m.elo))),
      el('td', { class: 'opt arena-days' }, m.firstDay ? `${m.firstDay} – ${m.lastDay}` : missing)));
  }
  for (const th of headers) th.setAttribute('aria-sort', th.dataset.key === sort.key ? sort.dir : 'none');
}

for (const th of headers) {
  th.querySelector('button').addEventListener('click', () => {
    const key = th.dataset.key;
    if (sort.key === key) sort.dir = sort.dir === 'ascending' ? 'descending' : 'ascending';
    else sort = { key, dir: key === 'rank' || TEXT_KEYS.has(key) || key === 'meanCostUsd' || key === 'meanLatencyMs' ? 'ascending' : 'descending' };
    renderTable();
  });
}

// ---------- style control and position ----------

function renderStyle(style, position) {
  const section = document.getElementById('style');
  const body = document.querySelector('#effects tbody');
  clear(body);
  const effects = (style && Array.isArray(style.effects)) ? style.effects : [];
  for (const e of effects) {
    const lo = num(e.ciLow);
    const hi = num(e.ciHigh);
    body.append(el('tr', { 'data-covariate': e.covariate },
      el('th', { scope: 'row', title: e.description || '' }, e.covariate),
      el('td', { class: 'num' }, fmtRating(num(e.effect))),
      el('td', { class: 'num' }, lo === null || hi === null ? missing : `${fmtRating(lo)} – ${fmtRating(hi)}`),
      el('td', { class: 'small muted' }, e.unit || '')));
  }
  const text = document.getElementById('position');
  clear(text);
  if (position && num(position.effect) !== null) {
    const decisive = (num(position.leftWins) ?? 0) + (num(position.rightWins) ?? 0);
    text.append(`Left side won ${fmtPct(num(position.leftWinRate))} of ${fmtInt(decisive)} decisive votes; `
      + `its fitted advantage is ${fmtRating(position.effect)} Elo points `
      + `(95% interval ${fmtRating(num(position.ciLow))} – ${fmtRating(num(position.ciHigh))}), `
      + (position.corrected ? 'significant, so the style-controlled ratings hold it equal.'
        : position.significant ? 'significant; correction is switched off.' : 'not significant.'));
  }
  section.hidden = effects.length === 0 && !text.hasChildNodes();
  // without a style-controlled board its columns are left out rather than shown empty
  document.getElementById('ranking').classList.toggle('no-style', !style);
}

// ---------- charts ----------

function truncate(text, max) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function niceStep(span, target) {
  const raw = span / target;
  const pow = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((f) => f * pow).find((s) => raw <= s) || raw;
}

function renderRatingChart(host, list) {
  const rows = [...list].filter((m) => num(m.rating) !== null).sort((a, b) => b.rating - a.rating);
  clear(host);
  if (rows.length === 0) return;
  // drawn at the size it is shown, so the labels stay at a readable 12 px on a phone too
  const width = Math.max(300, Math.round(host.clientWidth || 560));
  const labelW = Math.min(175, Math.round(width * 0.4));
  const maxChars = Math.floor((labelW - 12) / 7.4);
  const rowH = 30;
  const top = 28;
  const height = top + rows.length * rowH + 8;
  let lo = Math.min(...rows.map((m) => num(m.ciLow) ?? m.rating));
  let hi = Math.max(...rows.map((m) => num(m.ciHigh) ?? m.rating));
  if (hi - lo < 20) { lo -= 10; hi += 10; }
  const pad = (hi - lo) * 0.06;
  lo -= pad; hi += pad;
  const x = (v) => labelW + ((v - lo) / (hi - lo)) * (width - labelW - 16);
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'fill', role: 'img', 'aria-labelledby': 'chart-title chart-desc' },
    svg('desc', { id: 'chart-desc' }, rows.map((m) =>
      `${nameOf(m)}: ${fmtRating(m.rating)} (95% interval ${fmtRating(num(m.ciLow))} to ${fmtRating(num(m.ciHigh))})`).join('; ')));
  const step = niceStep(hi - lo, 5);
  for (let t = Math.ceil(lo / step) * step; t <= hi; t += step) {
    root.append(svg('line', { class: 'gridline', x1: x(t), x2: x(t), y1: top - 6, y2: height - 6 }),
      svg('text', { x: x(t), y: top - 12, 'text-anchor': 'middle', class: 'muted-text' }, fmtRating(t)));
  }
  rows.forEach((m, i) => {
    const y = top + i * rowH + rowH / 2;
    const g = svg('g', { 'data-model': m.model },
      svg('title', {}, `${nameOf(m)}: ${fmtRating(m.rating)} [${fmtRating(num(m.ciLow))}, ${fmtRating(num(m.ciHigh))}]`),
      svg('text', { x: labelW - 10, y: y + 4, 'text-anchor': 'end' }, truncate(nameOf(m), maxChars)));
    if (num(m.ciLow) !== null && num(m.ciHigh) !== null) {
      g.append(svg('line', { class: 'ci', x1: x(m.ciLow), x2: x(m.ciHigh), y1: y, y2: y }));
    }
    g.append(svg('circle', { class: 'dot', cx: x(m.rating), cy: y, r: 6 }));
    root.append(g);
  });
  host.append(root);
}

// Diverging scale: orange (loses) → neutral → blue (wins); readable in light and dark themes.
const LOW = [194, 65, 12];
const MID = [244, 244, 245];
const HIGH = [29, 78, 216];
function heatColor(v) {
  const [a, b, t] = v < 0.5 ? [LOW, MID, v / 0.5] : [MID, HIGH, (v - 0.5) / 0.5];
  const c = a.map((ch, i) => Math.round(ch + (b[i] - ch) * t));
  return { fill: `rgb(${c.join(',')})`, ink: (0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]) > 150 ? '#111' : '#fff' };
}

function renderHeatmap(host, matrix, list) {
  clear(host);
  if (!matrix || !Array.isArray(matrix.models) || matrix.models.length === 0) {
    host.append(el('p', { class: 'muted' }, 'No head-to-head battles yet.'));
    return;
  }
  const byModel = new Map(list.map((m) => [m.model, m]));
  const labels = matrix.models.map((slug) => (byModel.has(slug) ? nameOf(byModel.get(slug)) : String(slug)));
  const n = labels.length;
  const available = Math.max(280, host.clientWidth || 480);
  const short = labels.map((label) => truncate(label, available < 520 ? 12 : 22));
  // ~7.5 px per character at 12 px: room for the longest label, no more
  const left = 14 + 7.5 * Math.max(...short.map((s) => s.length));
  const top = 20 + 5.5 * Math.max(...short.map((s) => s.length));
  const cell = Math.max(22, Math.min(48, Math.floor((available - left - top) / n)));
  const width = left + n * cell + top;
  const height = top + n * cell + 4;
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-labelledby': 'heat-title heat-desc' });
  const desc = [];
  short.forEach((label, i) => {
    root.append(svg('text', { x: left - 8, y: top + i * cell + cell / 2 + 4, 'text-anchor': 'end' }, svg('title', {}, labels[i]), label));
    const cx = left + i * cell + cell / 2;
    root.append(svg('text', { x: cx, y: top - 8, transform: `rotate(-45 ${cx} ${top - 8})` }, svg('title', {}, labels[i]), label));
  });
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const rate = num(matrix.winRate?.[i]?.[j]);
      const battles = num(matrix.battles?.[i]?.[j]) ?? 0;
      const xPos = left + j * cell;
      const yPos = top + i * cell;
      if (i === j || rate === null || battles === 0) {
        root.append(svg('rect', { class: 'cell-empty', x: xPos + 1, y: yPos + 1, width: cell - 2, height: cell - 2, rx: 3 },
          svg('title', {}, i === j ? labels[i] : `${labels[i]} vs ${labels[j]}: no battles`)));
        continue;
      }
      const { fill, ink } = heatColor(rate);
      const tip = `${labels[i]} beat ${labels[j]} in ${fmtPct(rate)} of ${fmtInt(battles)} battles`;
      desc.push(tip);
      const g = svg('g', {},
        svg('title', {}, tip),
        svg('rect', { x: xPos + 1, y: yPos + 1, width: cell - 2, height: cell - 2, rx: 3, fill }));
      if (cell >= 26) {
        g.append(svg('text', { x: xPos + cell / 2, y: yPos + cell / 2 + 4, 'text-anchor': 'middle', fill: ink, 'font-size': '11' },
          `${Math.round(rate * 100)}`));
      }
      root.append(g);
    }
  }
  root.prepend(svg('desc', { id: 'heat-desc' }, desc.join('; ') || 'No battles yet.'));
  host.append(root);
}

let lastBoard = null;
let resizeTimer = null;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    if (!lastBoard || charts.hidden) return;
    renderRatingChart(document.getElementById('rating-chart'), models);
    renderHeatmap(document.getElementById('heatmap'), lastBoard.matrix, models);
    if (lastHistory) renderHistory(lastHistory);
  }, 150);
});

// ---------- ratings over time ----------

// eight hues that stay apart in the light and the dark theme; a ninth model reuses the first with dashes
const PALETTE = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#ca8a04', '#db2777'];
let lastHistory = null;
let historyRequest = 0;

async function loadHistory() {
  const request = ++historyRequest;
  const category = select.value;
  const query = category ? `?category=${encodeURIComponent(category)}` : '';
  try {
    const { body } = await api(`/api/leaderboard/history${query}`);
    if (request !== historyRequest) return;
    lastHistory = body || {};
    renderHistory(lastHistory);
  } catch (e) {
    if (request !== historyRequest) return;
    lastHistory = null;
    historySection.hidden = true;
  }
}

function renderHistory(data) {
  const series = (Array.isArray(data.models) ? data.models : []).filter((s) => Array.isArray(s.points) && s.points.length);
  const days = Array.isArray(data.days) ? data.days : [];
  const host = document.getElementById('history-chart');
  const legend = document.getElementById('history-legend');
  clear(host);
  clear(legend);
  if (series.length === 0 || days.length === 0) {
    historySection.hidden = true;
    return;
  }
  historySection.hidden = false;
  document.getElementById('history-note').textContent = `Each point is a model's rating over the votes of the tasks of
    the ${data.trailingDays} days up to that day (closed days only); one line per model.`;
  const index = new Map(days.map((d, i) => [d, i]));
  const ratings = series.flatMap((s) => s.points.map((p) => p.rating));
  let lo = Math.min(...ratings);
  let hi = Math.max(...ratings);
  if (hi - lo < 20) { lo -= 10; hi += 10; }
  const pad = (hi - lo) * 0.08;
  lo -= pad; hi += pad;
  const width = Math.max(300, Math.round(host.clientWidth || 640));
  const height = 260;
  const left = 48;
  const right = 12;
  const top = 12;
  const bottom = 28;
  const x = (d) => left + (days.length === 1 ? 0.5 : index.get(d) / (days.length - 1)) * (width - left - right);
  const y = (v) => top + (1 - (v - lo) / (hi - lo)) * (height - top - bottom);
  const summaryOf = (s) => {
    const first = s.points[0];
    const last = s.points[s.points.length - 1];
    return `${nameOf(s)}: ${fmtRating(first.rating)} on ${first.day}, ${fmtRating(last.rating)} on ${last.day}`;
  };
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'fill', role: 'img', 'aria-labelledby': 'history-title history-desc' },
    svg('desc', { id: 'history-desc' }, series.map(summaryOf).join('; ')));
  const step = niceStep(hi - lo, 4);
  for (let t = Math.ceil(lo / step) * step; t <= hi; t += step) {
    root.append(svg('line', { class: 'gridline', x1: left, x2: width - right, y1: y(t), y2: y(t) }),
      svg('text', { x: left - 6, y: y(t) + 4, 'text-anchor': 'end', class: 'muted-text' }, fmtRating(t)));
  }
  const ticks = days.length === 1 ? [days[0]] : [days[0], days[days.length - 1]];
  for (const d of ticks) {
    root.append(svg('text', { x: x(d), y: height - 8, 'text-anchor': days.length === 1 ? 'middle' : d === days[0] ? 'start' : 'end', class: 'muted-text' }, d));
  }
  series.forEach((s, i) => {
    const color = PALETTE[i % PALETTE.length];
    const dashed = i >= PALETTE.length ? '6 4' : null;
    const points = s.points.filter((p) => index.has(p.day));
    const g = svg('g', { 'data-model': s.model }, svg('title', {}, summaryOf(s)));
    if (points.length > 1) {
      const d = points.map((p, k) => `${k ? 'L' : 'M'}${x(p.day).toFixed(1)},${y(p.rating).toFixed(1)}`).join(' ');
      g.append(svg('path', { class: 'series', d, stroke: color, 'stroke-dasharray': dashed }));
    }
    for (const p of points) {
      g.append(svg('circle', { cx: x(p.day), cy: y(p.rating), r: 3, fill: color },
        svg('title', {}, `${nameOf(s)} on ${p.day}: ${fmtRating(p.rating)} (${fmtInt(p.votes)} votes)`)));
    }
    root.append(g);
    legend.append(el('li', { 'data-model': s.model },
      svg('svg', { width: 18, height: 10, 'aria-hidden': 'true' },
        svg('line', { x1: 1, x2: 17, y1: 5, y2: 5, stroke: color, 'stroke-width': 3, 'stroke-dasharray': dashed })),
      nameOf(s)));
  });
  host.append(root);
  renderHistoryTable(series, days);
}

function renderHistoryTable(series, days) {
  const head = document.querySelector('#history-table thead tr');
  const body = document.querySelector('#history-table tbody');
  clear(head).append(el('th', { scope: 'col' }, 'Day'), ...series.map((s) => el('th', { scope: 'col', class: 'num' }, nameOf(s))));
  clear(body);
  const byDay = series.map((s) => new Map(s.points.map((p) => [p.day, p])));
  for (const day of [...days].reverse()) {
    body.append(el('tr', { 'data-day': day }, el('th', { scope: 'row' }, day),
      ...byDay.map((points) => {
        const p = points.get(day);
        if (!p) return el('td', { class: 'num' }, missing);
        const ci = num(p.ciLow) !== null && num(p.ciHigh) !== null ? ` (${fmtRating(p.ciLow)} – ${fmtRating(p.ciHigh)})` : '';
        return el('td', { class: 'num' }, fmtRating(p.rating), ci ? el('span', { class: 'small muted' }, ci) : null);
      })));
  }
}

// ---------- controls ----------

for (const b of windowButtons) {
  b.addEventListener('click', () => {
    selection = { window: b.dataset.window, from: null, to: null };
    load();
  });
}

range.addEventListener('submit', (event) => {
  event.preventDefault();
  const from = fromInput.value;
  const to = toInput.value;
  if (!DATE.test(from) || !DATE.test(to) || from > to) {
    clear(status).append(el('div', { class: 'notice error' },
      el('p', {}, 'Pick a first and a last day, the first not after the last.')));
    return;
  }
  selection = { window: 'custom', from, to };
  load();
});

select.addEventListener('change', () => {
  load();
  loadHistory();
});
const params = new URL(window.location.href).searchParams;
const initial = params.get('category');
if (initial) {
  select.add(new Option(initial, initial, true, true));
  select.value = initial;
}
if (DATE.test(params.get('from') || '') && DATE.test(params.get('to') || '')) {
  selection = { window: 'custom', from: params.get('from'), to: params.get('to') };
} else if (WINDOWS.has(params.get('window'))) {
  selection = { window: params.get('window'), from: null, to: null };
}
load();
loadHistory();
