// The "Audit log" page: every change, newest first, filtered by target and by who, a page at a time.
import { ApiError, call } from './api.js';
import { $, el, refusalText, say, when } from './dom.js';
import { t } from './i18n.js';

let wired = false;
let position = null;

export async function show() {
  wire();
  await load(false);
}

function wire() {
  if (wired) return;
  wired = true;
  $('#audit-form').addEventListener('submit', (event) => {
    event.preventDefault();
    load(false).catch((e) => say('error', refusalText(e)));
  });
  $('#audit-more').addEventListener('click', () => load(true).catch((e) => say('error', refusalText(e))));
}

function query(more) {
  const params = new URLSearchParams({ limit: '100' });
  const target = $('#audit-target').value.trim();
  const who = $('#audit-who').value.trim();
  if (target) params.set('target', target);
  if (who) params.set('who', who);
  if (more && position) params.set('position', position);
  return params.toString();
}

async function load(more) {
  let answer;
  try {
    answer = await call('GET', `/studentapi/audit?${query(more)}`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404 && e.type === 'NotFoundException' && !e.code) {
      $('#audit-table tbody').replaceChildren();
      $('#audit-empty').textContent = t('audit.unavailable');
      $('#audit-empty').hidden = false;
      $('#audit-more').hidden = true;
      return;
    }
    throw e;
  }
  const rows = (answer.items || []).map(row);
  if (more) $('#audit-table tbody').append(...rows);
  else $('#audit-table tbody').replaceChildren(...rows);
  position = answer.position || null;
  $('#audit-more').hidden = !position;
  $('#audit-empty').textContent = t('audit.empty');
  $('#audit-empty').hidden = $('#audit-table tbody').children.length > 0;
}

function summary(value) {
  if (value === null || value === undefined) return '—';
  return Object.entries(value).map(([name, v]) => `${name}: ${typeof v === 'object' ? JSON.stringify(v) : v}`).join('; ');
}

function row(entry) {
  return el('tr', { dataset: { operation: entry.operation, who: entry.who, target: entry.target || '' } },
    el('td', { 'data-label': t('audit.time'), text: when(entry.time) }),
    el('td', { 'data-label': t('audit.who') }, el('code', { class: 'font-mono text-xs', text: entry.who })),
    el('td', { 'data-label': t('audit.operation'), text: entry.operation }),
    el('td', { 'data-label': t('audit.target') }, el('code', { class: 'font-mono text-xs wrap-anywhere', text: entry.target || '' })),
    el('td', { 'data-label': t('audit.change') },
      el('dl', { class: 'grid gap-0.5 text-xs' },
        el('dt', { class: 'font-semibold', text: t('audit.before') }), el('dd', { class: 'wrap-anywhere', text: summary(entry.before) }),
        el('dt', { class: 'font-semibold', text: t('audit.after') }), el('dd', { class: 'wrap-anywhere', text: summary(entry.after) }))));
}
