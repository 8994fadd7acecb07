// "Does it work?": each model's share of checked pages that passed every acceptance check of their task, with 95%
// Wilson intervals, for the category the leaderboard shows; and whether voters preferred the page that passed more.
import { api, el, clear, fmtInt, fmtPct, missing } from './common.js';

const section = document.getElementById('pass-rates');
const tbody = document.querySelector('#pass-rate-table tbody');
const note = document.getElementById('pass-rate-note');
const agreement = document.getElementById('votes-vs-checks');
const select = document.getElementById('category');
let data = null;

const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function rowsFor(category) {
  const models = Array.isArray(data?.models) ? data.models : [];
  if (!category) return models;
  return models.map((m) => {
    const c = (m.categories || []).find((r) => r.category === category);
    return c ? { ...c, model: m.model, displayName: m.displayName } : null;
  }).filter(Boolean).sort((a, b) => b.passRate - a.passRate);
}

function render() {
  const category = select ? select.value : '';
  const rows = rowsFor(category);
  clear(tbody);
  for (const r of rows) {
    tbody.append(el('tr', {},
      el('th', { scope: 'row' }, r.displayName || r.model || '?'),
      el('td', { class: 'num' }, fmtPct(num(r.passRate))),
      el('td', { class: 'num' }, num(r.checked) ? `${fmtPct(r.low)} – ${fmtPct(r.high)}` : missing),
      el('td', { class: 'num' }, `${fmtInt(num(r.passed) ?? 0)} / ${fmtInt(num(r.checked) ?? 0)}`),
      el('td', { class: 'num' }, `${fmtInt(num(r.checksPassed) ?? 0)} / ${fmtInt(num(r.checksTotal) ?? 0)}`)));
  }
  note.textContent = rows.length === 0
    ? 'No checked solution of a closed task yet' + (category ? ' in this category.' : '.')
    : '';
  const v = data?.votesVsChecks;
  if (v && num(v.decisiveVotes)) {
    agreement.textContent = `Do voters prefer working pages? In ${fmtInt(v.decisiveVotes)} decisive votes between two`
      + ` pages that passed different shares of their checks, ${fmtPct(v.agreement)} went to the page that passed more`
      + ` (95% interval ${fmtPct(v.low)} – ${fmtPct(v.high)}; 50% would mean the checks say nothing about the votes).`;
  } else {
    agreement.textContent = 'Do voters prefer working pages? Not enough votes between pages with different check results yet.';
  }
}

async function load() {
  try {
    const { body } = await api('/api/pass-rates');
    data = body || {};
    section.hidden = false;
    render();
  } catch (e) {
    section.hidden = false;
    clear(tbody);
    note.textContent = `Could not load the pass rates: ${e.message}`;
  }
}

if (select) select.addEventListener('change', () => { if (data) render(); });
load();
