// The arena: one anonymous match, a vote, when the names will be shown, the next match.
import { api, ApiError, byIds, el, clear, codeBlock, artifactFrame, isTypingTarget, fmtDateTime } from './common.js';

const {
  status, match: matchSection, 'vote-status': voteStatus, 'vote-msg': voteMsg, reveal, 'reveal-text': revealText,
  next: nextButton,
} = byIds('status', 'match', 'vote-status', 'vote-msg', 'reveal', 'reveal-text', 'next');
const voteButtons = [...document.querySelectorAll('[data-outcome]')];
const sides = { left: document.getElementById('side-left'), right: document.getElementById('side-right') };
const LETTER = { left: 'A', right: 'B' };

const SHORTCUTS = { 1: 'left', a: 'left', 2: 'right', b: 'right', 3: 'tie', t: 'tie', 4: 'both_bad', x: 'both_bad' };

let current = null;     // the match on screen
let voted = false;      // whether this match has been decided (or can no longer be)
let busy = false;       // a request is in flight
let cooldownTimer = null;

function showStatus(...nodes) {
  clear(status).append(...nodes);
}

function notice(kind, message, ...actions) {
  return el('div', { class: ['notice', kind] },
    el('p', {}, message),
    actions.length ? el('div', { class: 'actions' }, actions) : null);
}

function button(label, onClick, primary = false) {
  const b = el('button', { type: 'button', class: primary ? 'btn primary' : 'btn' }, label);
  b.addEventListener('click', onClick);
  return b;
}

function setVotingEnabled(enabled) {
  for (const b of voteButtons) b.disabled = !enabled;
}

async function loadMatch({ focus = false } = {}) {
  if (busy) return;
  busy = true;
  stopCooldown();
  setVotingEnabled(false);
  matchSection.setAttribute('aria-busy', 'true');
  showStatus(el('p', { class: 'notice' }, el('span', { class: 'spinner', 'aria-hidden': 'true' }), 'Loading a match…'));
  try {
    const { status: code, body } = await api('/api/arena/match');
    if (code === 204 || !body) {
      current = null;
      matchSection.hidden = true;
      const heading = el('h1', { tabindex: '-1' }, "You're all caught up");
      showStatus(el('div', { class: 'notice' },
        heading,
        el('p', {}, "You have judged every match open right now. New tasks arrive every day at 00:00 UTC, "
          + 'and new matches whenever a solution finishes rendering.'),
        el('div', { class: 'actions' },
          el('a', { class: 'btn primary', href: '/leaderboard.html' }, 'See the leaderboard'),
          el('a', { class: 'btn', href: '/tasks.html' }, 'Browse all tasks'),
          button('Check again', () => loadMatch({ focus: true })))));
      document.title = 'Arena · AutoBench';
      if (focus) heading.focus();
      return;
    }
    render(body);
    clear(status).append(el('span', { class: 'visually-hidden' }, `New match: ${body.task?.title ?? ''}`));
    if (focus) document.getElementById('task-title').focus();
  } catch (e) {
    current = null;
    matchSection.hidden = true;
    showStatus(notice('error', loadErrorMessage(e), button('Try again', () => loadMatch({ focus: true }), true)));
  } finally {
    busy = false;
    matchSection.removeAttribute('aria-busy');
  }
}

function loadErrorMessage(e) {
  if (e instanceof ApiError && e.status === 429) {
    return `Too many requests. Please wait ${e.retryAfterSeconds ?? 'a few'} seconds and try again.`;
  }
  return `Could not load a match: ${e.message}`;
}

function render(match) {
  current = match;
  voted = false;
  matchSection.dataset.matchId = match.matchId;
  const task = match.task || {};
  document.getElementById('task-title').textContent = task.title || 'Untitled task';
  document.getElementById('task-prompt').textContent = task.prompt || '';
  document.getElementById('task-meta').textContent = ['Today\'s task', task.category].filter(Boolean).join(' · ');
  document.title = `${task.title || 'Arena'} · AutoBench arena`;
  for (const side of ['left', 'right']) renderSide(side, match[side] || {});
  for (const b of voteButtons) b.classList.remove('chosen');
  clear(voteStatus);
  reveal.hidden = true;
  matchSection.hidden = false;
  setVotingEnabled(true);
}

function renderSide(side, data) {
  const root = sides[side];
  const letter = LETTER[side];
  clear(root.querySelector('[data-frame]')).append(
    artifactFrame(data.artifactUrl, `Solution ${letter}, running live`));
  const open = root.querySelector('[data-open]');
  open.href = data.artifactUrl || '#';
  open.setAttribute('aria-label', `Open solution ${letter} in a new tab`);
  root.dataset.screenshotUrl = data.screenshotUrl || '';
  setCode(root, data.codeUrl);
  for (const panel of root.querySelectorAll('[data-panel]')) clear(panel).hidden = true;
  for (const toggle of root.querySelectorAll('[data-toggle]')) toggle.setAttribute('aria-expanded', 'false');
  root.querySelector('[data-toggle="shot"]').hidden = !data.screenshotUrl;
}

// The source is fetched only when its panel is first opened: most voters never open it.
function setCode(root, codeUrl) {
  root.codeUrl = typeof codeUrl === 'string' ? codeUrl : null;
  root.querySelector('[data-toggle="code"]').hidden = root.codeUrl === null;
}

async function loadCode(panel, codeUrl, label) {
  panel.append(el('p', { class: 'muted' }, 'Loading the source code…'));
  let text;
  try {
    const response = await fetch(codeUrl, { credentials: 'same-origin' });
    text = response.ok ? await response.text() : null;
  } catch (e) {
    text = null;
  }
  clear(panel).append(text === null
    ? el('p', { role: 'alert' }, 'The source code could not be loaded; try again later.')
    : codeBlock(text, label));
}

function togglePanel(side, kind) {
  const root = sides[side];
  const toggle = root.querySelector(`[data-toggle="${kind}"]`);
  const panel = root.querySelector(`[data-panel="${kind}"]`);
  const open = toggle.getAttribute('aria-expanded') !== 'true';
  toggle.setAttribute('aria-expanded', String(open));
  panel.hidden = !open;
  if (open && !panel.firstChild) {
    const letter = LETTER[side];
    if (kind === 'shot') {
      panel.append(el('img', { src: root.dataset.screenshotUrl, alt: `Screenshot of solution ${letter} taken by the renderer`, loading: 'lazy' }));
    } else {
      loadCode(panel, root.codeUrl, `Source code of solution ${letter}`);
    }
  }
}

async function vote(outcome) {
  if (!current || voted || busy) return;
  busy = true;
  setVotingEnabled(false);
  const chosen = voteButtons.find((b) => b.dataset.outcome === outcome);
  chosen?.classList.add('chosen');
  hideVoteMessage();
  clear(voteStatus).append(el('span', { class: 'visually-hidden' }, 'Sending your vote…'));
  try {
    const { body } = await api('/api/arena/votes', { method: 'POST', body: { voteToken: current.voteToken, outcome } });
    voted = true;
    showReveal(outcome, body || {});
  } catch (e) {
    handleVoteError(e, chosen);
  } finally {
    busy = false;
  }
}

function handleVoteError(e, chosen) {
  chosen?.classList.remove('chosen');
  const status = e instanceof ApiError ? e.status : 0;
  if (status === 429) {
    startCooldown(e.retryAfterSeconds ?? 30);
    return;
  }
  if (status === 409 || status === 403) {
    voted = true;
    const message = status === 409
      ? 'You have already voted on this match.'
      : 'This match has expired or could not be verified. Load a fresh one.';
    clear(voteStatus).append(notice(status === 409 ? 'warn' : 'error', message));
    clear(revealText);
    reveal.hidden = false;
    nextButton.focus();
    return;
  }
  const message = `Your vote was not recorded: ${e.message} Please try again.`;
  showVoteMessage('error', message);
  clear(voteStatus).append(el('span', { class: 'visually-hidden' }, message));
  setVotingEnabled(true);
}

function startCooldown(seconds) {
  stopCooldown();
  let left = Math.max(1, Math.ceil(seconds));
  clear(voteStatus).append(el('span', { class: 'visually-hidden' },
    `Too many votes in a short time. You can vote again in ${left} seconds.`));
  const tick = () => {
    if (left <= 0) {
      stopCooldown();
      clear(voteStatus).append(el('span', { class: 'visually-hidden' }, 'You can vote again.'));
      setVotingEnabled(!voted);
      return;
    }
    showVoteMessage('warn', `Slow down: too many votes in a short time. You can vote again in ${left} s.`);
    left -= 1;
  };
  tick();
  cooldownTimer = setInterval(tick, 1000);
}

function stopCooldown() {
  if (cooldownTimer) clearInterval(cooldownTimer);
  cooldownTimer = null;
  hideVoteMessage();
}

/** A message in the sticky vote bar, where the visitor is looking when a vote does not go through. */
function showVoteMessage(kind, text) {
  voteMsg.className = `vote-msg ${kind}`;
  voteMsg.textContent = text;
  voteMsg.hidden = false;
}

function hideVoteMessage() {
  voteMsg.hidden = true;
  voteMsg.textContent = '';
}

function notCountedWhy(reason) {
  if (!reason) return '';
  if (reason === 'too_fast') return ' (it came very soon after the match was shown)';
  if (reason === 'no_human_check') return ' (this browser has not passed the human check)';
  return ` (${String(reason).replace(/_/g, ' ')})`;
}

// The names are not shown here: every visitor gets the same two solutions for a match, so a reveal
// now would tell the next visitor (or a script) who is who. They become public when voting closes.
function showReveal(outcome, result) {
  const verdict = {
    left: 'You picked A.',
    right: 'You picked B.',
    tie: 'You called it a tie.',
    both_bad: 'You judged both as bad.',
  }[outcome];
  const when = result.revealAt ? fmtDateTime(result.revealAt) : 'when voting on this task closes';
  clear(revealText).append(
    el('p', { class: 'reveal-verdict' }, verdict),
    el('p', { id: 'reveal-when' }, 'The models stay anonymous while this task is being voted on. Their names will be shown on ',
      el('time', { datetime: result.revealAt || '' }, when), ', when voting closes, in ',
      el('a', { href: '/my-votes.html' }, 'My votes'), '.'),
    result.counted === false
      ? el('p', { class: 'reveal-note' }, `Recorded, but not counted in the ranking${notCountedWhy(result.notCountedReason)}.`)
      : null);
  reveal.hidden = false;
  clear(voteStatus).append(el('span', { class: 'visually-hidden' }, `Vote recorded. ${revealText.textContent}`));
  nextButton.focus();
}

for (const b of voteButtons) b.addEventListener('click', () => vote(b.dataset.outcome));
nextButton.addEventListener('click', () => loadMatch({ focus: true }));
for (const side of ['left', 'right']) {
  for (const toggle of sides[side].querySelectorAll('[data-toggle]')) {
    toggle.addEventListener('click', () => togglePanel(side, toggle.dataset.toggle));
  }
}

document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || isTypingTarget(event.target)) return;
  const key = event.key.toLowerCase();
  if (key === 'n') {
    if (!reveal.hidden && !busy) {
      event.preventDefault();
      loadMatch({ focus: true });
    }
    return;
  }
  const outcome = SHORTCUTS[key];
  if (outcome && current && !voted && !busy && !voteButtons[0].disabled) {
    event.preventDefault();
    vote(outcome);
  }
});

loadMatch();
