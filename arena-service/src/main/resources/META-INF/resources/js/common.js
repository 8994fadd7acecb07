// Shared helpers of the AutoBench pages. Every piece of data reaches the DOM through
// textContent or setAttribute, never through HTML parsing: model names, task titles and
// LLM-written code are untrusted text.

const SVG_NS = 'http://www.w3.org/2000/svg';

function applyAttrs(node, attrs) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    // The CSP forbids inline handlers and style attributes anyway; refuse them here so a
    // mistake fails loudly in development instead of silently under the CSP.
    if (/^on/i.test(name) || name === 'style') throw new Error(`refusing attribute ${name}`);
    if (name === 'text') node.textContent = String(value);
    else if (name === 'class') node.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Creates an HTML element; strings among the children become text nodes. */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  applyAttrs(node, attrs);
  return append(node, children);
}

/** Creates an SVG element. */
export function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  applyAttrs(node, attrs);
  return append(node, children);
}

/** The page's elements with these ids, by id: destructure the ones a script works with. */
export function byIds(...ids) {
  return Object.fromEntries(ids.map((id) => [id, document.getElementById(id)]));
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/** An API failure, carrying the problem+json detail and Retry-After when the server sent them. */
export class ApiError extends Error {
  constructor(status, title, detail, retryAfterSeconds) {
    super(detail || title || `HTTP ${status}`);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value, now = Date.now()) {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

/** Same-origin JSON call; the voter cookie travels with it. Resolves to {status, body}. */
export async function api(path, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, 'Network error', 'The server could not be reached. Check your connection and try again.', null);
  }
  const type = response.headers.get('Content-Type') || '';
  const parsed = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    const problem = parsed || {};
    throw new ApiError(response.status, problem.title || response.statusText, problem.detail,
      parseRetryAfter(response.headers.get('Retry-After')));
  }
  return { status: response.status, body: parsed };
}

// ---------- formatting ----------

const nf0 = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const nf1 = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

export const missing = '—';
const isNum = (v) => typeof v === 'number' && Number.isFinite(v);

export function fmtInt(v) { return isNum(v) ? nf0.format(v) : missing; }
export function fmtRating(v) { return isNum(v) ? nf0.format(v) : missing; }
export function fmtPct(v) { return isNum(v) ? `${nf1.format(v * 100)}%` : missing; }
export function fmtUsd(v) {
  if (!isNum(v)) return missing;
  if (v === 0) return '$0';
  if (v < 0.01) return `$${v.toFixed(4)}`;
  return `$${v.toFixed(v < 1 ? 3 : 2)}`;
}
export function fmtMs(v) {
  if (!isNum(v)) return missing;
  return v >= 1000 ? `${nf1.format(v / 1000)} s` : `${nf0.format(v)} ms`;
}
export function fmtDateTime(iso) {
  if (!iso) return missing;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
export function fmtRelative(iso, now = Date.now()) {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const s = Math.round((now - t) / 1000);
  if (s < 45) return 'just now';
  const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  if (s < 3600) return rtf.format(-Math.round(s / 60), 'minute');
  if (s < 86400) return rtf.format(-Math.round(s / 3600), 'hour');
  return rtf.format(-Math.round(s / 86400), 'day');
}
export function fmtDate(isoDate) {
  const d = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return String(isoDate);
  return d.toLocaleDateString(undefined, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
}

// ---------- a small highlighter for single-file HTML/CSS/JS ----------

const KEYWORDS = new Set(('const let var function return if else for while do switch case break continue new class extends ' +
  'import export from default try catch finally throw async await yield typeof instanceof in of this null undefined true false ' +
  'document window').split(' '));

// One pass over the text; order matters: comments and strings win over what they contain.
const TOKEN = new RegExp([
  '(<!--[\\s\\S]*?(?:-->|$))',                   // 1 html comment
  '(\\/\\*[\\s\\S]*?(?:\\*\\/|$))',               // 2 block comment
  '((?<![:\\w\\\\])\\/\\/[^\\n]*)',                // 3 line comment (not the // of a URL)
  '("(?:[^"\\\\\\n]|\\\\.)*"?|\'(?:[^\'\\\\\\n]|\\\\.)*\'?|`(?:[^`\\\\]|\\\\.)*`?)', // 4 strings
  '(<\\/?[A-Za-z][\\w:-]*|\\/?>)',                 // 5 tags
  '(\\b[a-zA-Z_-][\\w-]*(?==))',                   // 6 attribute names
  '(\\b\\d+(?:\\.\\d+)?(?:px|em|rem|%|vh|vw|ms|s|deg)?\\b)', // 7 numbers
  '(\\b[A-Za-z_$][\\w$]*\\b)',                     // 8 words (keywords are picked out below)
].join('|'), 'g');

const CLASS_BY_GROUP = [null, 'tok-com', 'tok-com', 'tok-com', 'tok-str', 'tok-tag', 'tok-attr', 'tok-num', 'tok-kw'];
const MAX_HIGHLIGHT = 300_000;

/** Returns a fragment of text nodes and spans; the code is never parsed as HTML. */
export function highlight(code) {
  const fragment = document.createDocumentFragment();
  const text = String(code ?? '');
  if (text.length > MAX_HIGHLIGHT) {
    fragment.append(document.createTextNode(text));
    return fragment;
  }
  let last = 0;
  let plain = '';
  const flushPlain = () => { if (plain) { fragment.append(document.createTextNode(plain)); plain = ''; } };
  for (const match of text.matchAll(TOKEN)) {
    if (match[0] === '') continue;
    plain += text.slice(last, match.index);
    last = match.index + match[0].length;
    const group = match.findIndex((g, i) => i > 0 && g !== undefined);
    if (group === 8 && !KEYWORDS.has(match[0])) { plain += match[0]; continue; }
    flushPlain();
    const span = document.createElement('span');
    span.className = CLASS_BY_GROUP[group];
    span.textContent = match[0];
    fragment.append(span);
  }
  plain += text.slice(last);
  flushPlain();
  return fragment;
}

/** A <pre><code> block with the highlighted source; labelled for assistive technology. */
export function codeBlock(code, label) {
  const codeEl = el('code');
  codeEl.append(highlight(code));
  return el('pre', { class: 'code', tabindex: '0', 'aria-label': label }, codeEl);
}

/** A sandboxed live view of an artifact: scripts run, but in an opaque origin with no access to this site. */
export function artifactFrame(url, title, { lazy = false } = {}) {
  return el('iframe', {
    src: url,
    sandbox: 'allow-scripts',
    title,
    referrerpolicy: 'no-referrer',
    loading: lazy ? 'lazy' : undefined,
  });
}

/** Whether a key event should be left to the focused control rather than treated as a shortcut. */
export function isTypingTarget(target) {
  if (!(target instanceof Element)) return false;
  return target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null;
}
