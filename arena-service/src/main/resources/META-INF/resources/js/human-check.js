// The optional human check. When the arena asks for one, votes from this browser count only after
// it has passed: the provider's widget (Cloudflare Turnstile or a compatible one) produces a token,
// the arena verifies it with the provider and signs the result into the voter cookie. Nothing here
// decides anything: a page that skipped this would just cast votes that are not counted.
import { api, el, clear } from './common.js';

const box = document.getElementById('human-check');

function say(kind, text, ...extra) {
  clear(box);
  box.className = `notice ${kind} human-check`;
  box.append(el('p', { text }), ...extra);
  box.hidden = false;
}

function loadScript(url) {
  return new Promise((resolve, reject) => {
    const script = el('script', { src: url, async: true });
    script.addEventListener('load', resolve);
    script.addEventListener('error', () => reject(new Error('the check could not be loaded')));
    document.head.append(script);
  });
}

async function passed(token) {
  try {
    await api('/api/arena/human-check', { method: 'POST', body: { token } });
    say('', 'Thanks: your votes count.');
    box.dataset.state = 'passed';
  } catch (e) {
    say('warn', `The check did not go through: ${e.message}`, retryButton());
    box.dataset.state = 'failed';
  }
}

function retryButton() {
  const button = el('button', { type: 'button', class: 'btn small', text: 'Try the check again' });
  button.addEventListener('click', () => start());
  return button;
}

async function start() {
  let status;
  try {
    status = (await api('/api/arena/human-check')).body;
  } catch {
    return; // the arena page reports its own loading errors
  }
  if (!status || !status.enabled || status.passed) {
    box.hidden = true;
    box.dataset.state = status && status.enabled ? 'passed' : 'off';
    return;
  }
  const widget = el('div', { class: 'human-check-widget' });
  say('', 'Please confirm you are a person: votes from this browser count once the check has passed.', widget);
  box.dataset.state = 'asking';
  try {
    await loadScript(status.scriptUrl);
    window.turnstile.render(widget, {
      sitekey: status.siteKey,
      callback: (token) => passed(token),
      'error-callback': () => {
        say('warn', 'The check could not be completed; your votes are kept but not counted.', retryButton());
        box.dataset.state = 'failed';
      },
    });
  } catch (e) {
    say('warn', `${e.message}; your votes are kept but not counted.`, retryButton());
    box.dataset.state = 'failed';
  }
}

if (box) start();
