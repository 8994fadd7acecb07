// "My votes": this browser's votes; who was who only for tasks whose voting has closed.
import { api, el, clear, fmtDateTime } from './common.js';

const status = document.getElementById('status');
const card = document.getElementById('votes-card');
const body = document.querySelector('#my-votes tbody');

const VERDICT = { left: 'A is better', right: 'B is better', tie: 'Tie', both_bad: 'Both are bad' };

function modelCell(model, vote) {
  if (!vote.revealed || !model) {
    return el('td', { class: 'muted', 'data-hidden-until': vote.revealAt || '' },
      'Anonymous until ', el('time', { datetime: vote.revealAt || '' }, fmtDateTime(vote.revealAt)));
  }
  const name = model.displayName || model.model || 'unknown';
  return el('td', { 'data-model': model.model || '' }, el('strong', {}, name), model.provider ? ` (${model.provider})` : '');
}

async function load() {
  try {
    const { body: data } = await api('/api/arena/my-votes');
    const votes = (data && data.votes) || [];
    clear(body);
    if (votes.length === 0) {
      clear(status).append(el('p', { class: 'notice', id: 'no-votes' }, 'No votes from this browser yet. ',
        el('a', { href: '/' }, 'Vote in the arena'), '.'));
      card.hidden = true;
      return;
    }
    for (const vote of votes) {
      body.append(el('tr', { 'data-match-id': vote.matchId },
        el('td', {}, el('time', { datetime: vote.votedAt || '' }, fmtDateTime(vote.votedAt))),
        el('td', {}, vote.taskTitle || 'Untitled task'),
        el('td', {}, VERDICT[vote.outcome] || vote.outcome, vote.counted === false ? ' (not counted)' : ''),
        modelCell(vote.left, vote),
        modelCell(vote.right, vote)));
    }
    clear(status).append(el('span', { class: 'visually-hidden' }, `${votes.length} votes loaded.`));
    card.hidden = false;
  } catch (e) {
    clear(status).append(el('p', { class: ['notice', 'error'] }, `Could not load your votes: ${e.message}`));
  }
}

load();
