// The tasks gallery: one day's tasks, each with every model's result.
import {
  api, byIds, el, clear, codeBlock, artifactFrame, fmtInt, fmtUsd, fmtMs, fmtDate, fmtDateTime, missing,
} from './common.js';

const {
  day: daySelect, 'prev-day': prev, 'next-day': next, status, tasks: list, 'day-summary': daySummary,
} = byIds('day', 'prev-day', 'next-day', 'status', 'tasks', 'day-summary');

const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const todayUtc = () => new Date().toISOString().slice(0, 10);
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

function asArray(body, ...keys) {
  if (Array.isArray(body)) return body;
  for (const key of keys) if (body && Array.isArray(body[key])) return body[key];
  return [];
}

function dateOf(entry) {
  return typeof entry === 'string' ? entry : entry && (entry.date || entry.taskDate);
}

async function loadDates() {
  try {
    const { body } = await api('/api/tasks/dates');
    return asArray(body, 'dates').map(dateOf).filter(Boolean).sort().reverse();
  } catch (e) {
    return [];
  }
}

function fillDays(dates, selected) {
  const all = dates.includes(selected) || !selected ? dates : [selected, ...dates].sort().reverse();
  clear(daySelect);
  for (const d of all) daySelect.add(new Option(`${fmtDate(d)}${d === todayUtc() ? ' (today)' : ''}`, d, false, d === selected));
  daySelect.value = selected;
  updateStepButtons();
}

function updateStepButtons() {
  const i = daySelect.selectedIndex;
  prev.disabled = i < 0 || i >= daySelect.options.length - 1;
  next.disabled = i <= 0;
}

let dayRequest = 0;  // a quick change of day must not be overwritten by the slower answer for an older one

async function loadDay(date) {
  const request = ++dayRequest;
  const url = new URL(window.location.href);
  url.searchParams.set('date', date);
  history.replaceState(null, '', url);
  updateStepButtons();
  list.setAttribute('aria-busy', 'true');
  clear(list);
  clear(status).append(el('p', { class: 'notice' }, el('span', { class: 'spinner', 'aria-hidden': 'true' }), `Loading the tasks of ${fmtDate(date)}…`));
  try {
    const path = date === todayUtc() ? '/api/tasks/today' : `/api/tasks?date=${encodeURIComponent(date)}`;
    const { body } = await api(path);
    const tasks = asArray(body, 'tasks');
    const detailed = await Promise.all(tasks.map((t) => (Array.isArray(t.submissions)
      ? t
      : api(`/api/tasks/${encodeURIComponent(t.id)}`)
        .then(({ body }) => ({ ...t, ...(body?.task || {}), submissions: body?.submissions || [] }))
        .catch(() => t))));
    if (request !== dayRequest) return;
    detailed.sort((a, b) => (num(a.slot) ?? 0) - (num(b.slot) ?? 0));
    clear(status);
    if (detailed.length === 0) {
      status.append(el('p', { class: 'notice' }, `No tasks on ${fmtDate(date)}.`));
      daySummary.textContent = 'Every model answers each task exactly once.';
      return;
    }
    const count = detailed.reduce((n, t) => n + (t.submissions?.length ?? 0), 0);
    daySummary.textContent = `${fmtDate(date)}: ${plural(detailed.length, 'task')}, ${plural(count, 'solution')}.`;
    status.append(el('span', { class: 'visually-hidden' }, `Loaded ${detailed.length} tasks of ${fmtDate(date)}.`));
    for (const task of detailed) list.append(taskCard(task));
  } catch (e) {
    if (request !== dayRequest) return;
    const retry = el('button', { type: 'button', class: 'btn primary' }, 'Try again');
    retry.addEventListener('click', () => loadDay(date));
    clear(status).append(el('div', { class: 'notice error' }, el('p', {}, `Could not load the tasks: ${e.message}`),
      el('div', { class: 'actions' }, retry)));
  } finally {
    list.removeAttribute('aria-busy');
  }
}

function promptOf(task) {
  if (typeof task.prompt === 'string') return task.prompt;
  const spec = task.spec || {};
  return spec.prompt || spec.description || '';
}

function taskCard(task) {
  const headingId = `task-${task.id}`;
  const meta = [task.category, task.difficulty, task.slot ? `task ${task.slot}` : null].filter(Boolean).join(' · ');
  const subs = Array.isArray(task.submissions) ? [...task.submissions] : [];
  // hidden identities keep the server's neutral order; revealed ones read best alphabetically
  if (task.revealed !== false) subs.sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  const prompt = promptOf(task);
  return el('section', { class: 'card task-card', 'aria-labelledby': headingId, 'data-task-id': task.id },
    el('header', {},
      el('p', { class: 'eyebrow' }, meta),
      el('h2', { id: headingId }, task.title || 'Untitled task'),
      prompt ? el('details', {}, el('summary', {}, 'Prompt'), el('p', { class: 'prompt' }, prompt)) : null,
      taskChecks(task),
      task.revealed === false
        ? el('p', { class: 'notice small' }, 'Voting on this task is still open, so the models behind the solutions'
          + ' (and their cost and latency) stay hidden'
          + (task.revealAt ? ` until ${fmtDateTime(task.revealAt)}.` : ' until it closes.'))
        : null),
    subs.length
      ? el('div', { class: 'subs' }, subs.map((s, i) => submissionCard(s, i, task.revealed !== false)))
      : el('p', { class: 'muted' }, 'No solutions yet.'));
}

// The task's acceptance checks, as every model was told them.
function taskChecks(task) {
  const checks = Array.isArray(task.checks) ? task.checks : [];
  if (checks.length === 0) return null;
  return el('details', { class: 'checks' }, el('summary', {}, `Automatic checks (${checks.length})`),
    el('ul', {}, checks.map((c) => el('li', {}, String(c.description || c.id || '')))));
}

const CHECK_OUTCOMES = { passed: 'passed', failed: 'failed', timed_out: 'cut at the time limit', not_run: 'not run' };

// One solution's check results: what passed, what failed and why.
function solutionChecks(a) {
  const results = Array.isArray(a.checks) ? a.checks : null;
  if (!results) return null;
  const passed = num(a.checksPassed) ?? results.filter((r) => r.outcome === 'passed').length;
  const total = num(a.checksTotal) ?? results.length;
  const all = total > 0 && passed === total;
  return el('details', { class: 'checks' },
    el('summary', {}, el('span', { class: `badge ${all ? 'good' : 'bad'}` }, `Checks ${passed}/${total}`)),
    el('ul', { class: 'check-results' }, results.map((r) => el('li', { class: `check ${r.outcome === 'passed' ? 'ok' : 'ko'}` },
      el('span', { class: 'check-mark', 'aria-hidden': 'true' }, r.outcome === 'passed' ? '✓' : '✗'),
      el('span', {}, `${r.description || r.id}: ${CHECK_OUTCOMES[r.outcome] || String(r.outcome)}`),
      r.outcome === 'passed' || !r.detail ? null : el('span', { class: 'muted small' }, ` (${r.detail})`)))));
}

function modelOf(s) {
  if (s.model && typeof s.model === 'object') return s.model;
  return typeof s.model === 'string' ? { model: s.model, displayName: s.displayName, provider: s.provider } : {};
}
function nameOf(s, index) {
  const m = modelOf(s);
  return m.displayName || m.model || (index === undefined ? 'Hidden model' : `Solution ${index + 1}`);
}
function artifactOf(s) {
  return s.artifact || {};
}

function statusBadge(s) {
  const a = artifactOf(s);
  if (s.status === 'failed') return el('span', { class: 'badge bad' }, 'failed');
  if (a.status === 'failed') return el('span', { class: 'badge bad' }, 'render failed');
  if (a.status === 'rendered') return el('span', { class: 'badge good' }, 'rendered');
  return el('span', { class: 'badge warn' }, a.status || s.status || 'pending');
}

function jsErrors(a) {
  if (num(a.jsErrorCount) !== null) return a.jsErrorCount;
  if (Array.isArray(a.jsErrors)) return a.jsErrors.length;
  return num(a.jsErrors);
}

// The renderer judges (and screenshots) every solution in a 1280 px wide window; the live view in
// a small card shows that same layout scaled down instead of a cramped phone-width one.
const RENDER_WIDTH = 1280;
const RENDER_HEIGHT = 960;

function scaledFrame(url, title, box) {
  const frame = artifactFrame(url, title);
  frame.classList.add('scaled');
  const fit = () => {
    const scale = box.clientWidth / RENDER_WIDTH;
    frame.style.transform = `scale(${scale})`;  // CSSOM, which the CSP allows (unlike style attributes)
  };
  fit();
  new ResizeObserver(fit).observe(box);
  return frame;
}

function submissionCard(s, index, revealed) {
  const name = nameOf(s, index);
  const m = modelOf(s);
  const a = artifactOf(s);
  const liveUrl = a.url || a.artifactUrl || (a.id && a.status === 'rendered' ? `/api/artifacts/${encodeURIComponent(a.id)}` : null);
  const screenshotUrl = a.screenshotUrl || null;
  const shot = el('div', { class: 'shot' });
  const showScreenshot = () => {
    clear(shot).append(screenshotUrl
      ? el('img', { src: screenshotUrl, alt: `Screenshot of ${name}'s solution`, loading: 'lazy' })
      : el('p', { class: 'muted small' }, a.failureReason ? `No screenshot: ${a.failureReason}` : 'No screenshot'));
  };
  showScreenshot();

  const errorText = [s.errorCode || s.error, s.errorMessage].filter(Boolean).join(': ')
    || (a.status === 'failed' && a.failureReason ? `render: ${a.failureReason}` : '');
  const inTok = num(s.inputTokens);
  const outTok = num(s.outputTokens);
  // while voting is open these figures could give a model away, so the API withholds them
  const shown = (text) => (revealed ? text : 'hidden');
  const stats = el('dl', { class: 'stats' },
    el('dt', {}, 'Tokens in / out'), el('dd', {}, shown(`${fmtInt(inTok)} / ${fmtInt(outTok)}`)),
    el('dt', {}, 'Cost'), el('dd', {}, shown(fmtUsd(num(s.costUsd)))),
    el('dt', {}, 'Latency'), el('dd', {}, shown(fmtMs(num(s.latencyMs)))),
    el('dt', {}, 'JS errors'), el('dd', {}, jsErrors(a) === null ? missing : fmtInt(jsErrors(a))));

  const tools = el('div', { class: 'side-tools' });
  const codePanel = el('div', { class: 'side-panel', hidden: true });
  if (liveUrl) {
    const live = el('button', { type: 'button', class: 'btn small', 'aria-pressed': 'false' }, 'Run live');
    live.addEventListener('click', () => {
      const on = live.getAttribute('aria-pressed') !== 'true';
      live.setAttribute('aria-pressed', String(on));
      live.textContent = on ? 'Show screenshot' : 'Run live';
      if (on) clear(shot).append(scaledFrame(liveUrl, `${name}'s solution, running live`, shot));
      else showScreenshot();
    });
    tools.append(live, el('a', { class: 'btn small', href: liveUrl, target: '_blank', rel: 'noopener noreferrer' }, 'Open'));
  }
  if (typeof s.code === 'string') {
    const codeToggle = el('button', { type: 'button', class: 'btn small', 'aria-expanded': 'false' }, 'Code');
    codeToggle.addEventListener('click', () => {
      const open = codeToggle.getAttribute('aria-expanded') !== 'true';
      codeToggle.setAttribute('aria-expanded', String(open));
      codePanel.hidden = !open;
      card.classList.toggle('code-open', open);
      if (open && !codePanel.firstChild) codePanel.append(codeBlock(s.code, `Source code of ${name}'s solution`));
    });
    tools.append(codeToggle);
  }

  const card = el('article', { class: 'card sub', 'data-model': m.model || '' },
    el('div', { class: 'sub-head' },
      el('div', {}, el('h3', {}, name), el('span', { class: 'muted small' }, m.provider || (m.model ? '' : 'model hidden'))),
      statusBadge(s)),
    shot,
    stats,
    solutionChecks(a),
    errorText ? el('p', { class: 'error' }, errorText) : null,
    tools.childNodes.length ? tools : null,
    codePanel);
  return card;
}

daySelect.addEventListener('change', () => loadDay(daySelect.value));
prev.addEventListener('click', () => { daySelect.selectedIndex += 1; loadDay(daySelect.value); });
next.addEventListener('click', () => { daySelect.selectedIndex -= 1; loadDay(daySelect.value); });

(async () => {
  const requested = new URL(window.location.href).searchParams.get('date');
  const dates = await loadDates();
  const valid = requested && /^\d{4}-\d{2}-\d{2}$/.test(requested) ? requested : null;
  const selected = valid || (dates.includes(todayUtc()) || dates.length === 0 ? todayUtc() : dates[0]);
  fillDays(dates, selected);
  loadDay(selected);
})();
