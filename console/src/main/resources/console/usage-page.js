// The "Usage" page: for a plan and one of its keys (first ones by default), requests per day over a range
// (the last 30 days by default) as a chart with the quota line and as a table, the quota remaining now, and
// "Grant requests" (UpdateUsage: the remaining quota raised by the granted number, with a reason).
import { call, enc } from './api.js';
import { loadCatalog } from './catalog.js';
import { drawRequests } from './chart.js';
import { $, clearErrors, clearMessages, el, fieldError, focusFirstError, isoDay, say } from './dom.js';
import { t } from './i18n.js';
import { showRefusal } from './refusals.js';

let catalog = null;
let wired = false;
let remainingNow = null;

export async function show() {
  wire();
  catalog = await loadCatalog();
  if (!$('#usage-from').value) {
    const today = new Date();
    $('#usage-to').value = isoDay(today);
    $('#usage-from').value = isoDay(new Date(today.getTime() - 29 * 86400000));
  }
  fillPlans();
  await showUsage();
}

function wire() {
  if (wired) return;
  wired = true;
  $('#usage-plan').addEventListener('change', () => {
    fillKeys();
    showUsage();
  });
  $('#usage-key').addEventListener('change', showUsage);
  $('#usage-form').addEventListener('submit', (event) => {
    event.preventDefault();
    showUsage();
  });
  $('#grant-form').addEventListener('submit', grant);
}

function plansWithKeys() {
  return catalog.plans.filter((plan) => (catalog.planKeys.get(plan.id) || []).length > 0);
}

function fillPlans() {
  const select = $('#usage-plan');
  const chosen = select.value;
  const plans = plansWithKeys();
  select.replaceChildren(...plans.map((plan) => el('option', { value: plan.id, text: plan.name })));
  if (plans.some((plan) => plan.id === chosen)) select.value = chosen;
  fillKeys();
}

function fillKeys() {
  const select = $('#usage-key');
  const chosen = select.value;
  const keys = catalog.planKeys.get($('#usage-plan').value) || [];
  select.replaceChildren(...keys.map((key) => el('option', { value: key.id, text: `${key.name} (${key.id})` })));
  if (keys.some((key) => key.id === chosen)) select.value = chosen;
}

function selectedPlan() {
  return catalog.plans.find((plan) => plan.id === $('#usage-plan').value);
}

function daysBetween(from, to) {
  const days = [];
  for (let time = Date.parse(`${from}T00:00:00Z`); time <= Date.parse(`${to}T00:00:00Z`); time += 86400000) {
    days.push(new Date(time).toISOString().slice(0, 10));
  }
  return days;
}

async function showUsage() {
  const form = $('#usage-form');
  clearErrors(form);
  const plan = selectedPlan();
  const keyId = $('#usage-key').value;
  $('#usage-none').hidden = Boolean(plan && keyId);
  $('#usage-result').hidden = !(plan && keyId);
  if (!plan || !keyId) return;
  const from = $('#usage-from').value;
  const to = $('#usage-to').value;
  if (!from || !to || from > to) {
    fieldError('usage-from', t('usage.rangeInvalid'));
    return;
  }
  const path = `/usageplans/${enc(plan.id)}/usage?keyId=${enc(keyId)}`;
  let usage;
  try {
    usage = await call('GET', `${path}&startDate=${from}&endDate=${to}`);
  } catch (e) {
    showRefusal('grant', 'usage', 'usage-range', e);
    focusFirstError(form);
    return;
  }
  const rows = (usage.values || usage.items || {})[keyId] || [];
  const days = daysBetween(from, to);
  const requests = days.map((day, i) => (rows[i] ? rows[i][0] : 0));
  const remaining = days.map((day, i) => (rows[i] ? rows[i][1] : null));
  const quota = days.map(() => (plan.quota ? plan.quota.limit : null));
  drawRequests($('#usage-chart'), days, requests, quota,
    { date: t('usage.date'), requests: t('usage.requests'), quota: t('usage.quotaLine') });
  $('#usage-table tbody').replaceChildren(...days.map((day, i) => el('tr', { dataset: { day } },
    el('td', { 'data-label': t('usage.date'), text: day }),
    el('td', { 'data-label': t('usage.requests'), text: String(requests[i]) }),
    el('td', { 'data-label': t('usage.remaining'), text: remaining[i] === null ? '' : String(remaining[i]) }))));
  await showRemaining(plan, keyId);
}

async function showRemaining(plan, keyId) {
  if (!plan.quota) {
    remainingNow = null;
    $('#usage-remaining').textContent = '—';
    $('#usage-quota').textContent = t('usage.noQuota');
    return;
  }
  const today = isoDay(new Date());
  const now = await call('GET', `/usageplans/${enc(plan.id)}/usage?keyId=${enc(keyId)}&startDate=${today}&endDate=${today}`);
  const row = ((now.values || now.items || {})[keyId] || [])[0];
  remainingNow = row ? row[1] : plan.quota.limit;
  $('#usage-remaining').textContent = String(remainingNow);
  $('#usage-quota').textContent = t('usage.quotaOf', { limit: plan.quota.limit, period: t(`period.${plan.quota.period}`) });
}

async function grant(event) {
  event.preventDefault();
  const form = $('#grant-form');
  clearErrors(form);
  clearMessages();
  const text = $('#grant-requests').value.trim();
  const count = /^\d+$/.test(text) ? Number(text) : NaN;
  const reason = $('#grant-reason').value.trim();
  if (!Number.isSafeInteger(count) || count < 1) fieldError('grant-requests', t('usage.grantInvalid'));
  if (!reason) fieldError('grant-reason', t('usage.reasonRequired'));
  if (form.querySelector('[aria-invalid="true"]')) {
    focusFirstError(form);
    return;
  }
  const plan = selectedPlan();
  const keyId = $('#usage-key').value;
  try {
    const base = remainingNow ?? 0;
    const limit = plan.quota ? plan.quota.limit : base + count;
    const answer = await call('PATCH', `/usageplans/${enc(plan.id)}/keys/${enc(keyId)}/usage`,
      { patchOperations: [{ op: 'replace', path: '/remaining', value: String(Math.min(limit, base + count)) }] },
      { 'x-studentapi-reason': encodeURIComponent(reason) });
    const row = ((answer.values || answer.items || {})[keyId] || [])[0];
    form.reset();
    say('success', t('usage.granted', { count, remaining: row ? row[1] : Math.min(limit, base + count) }));
    await showUsage();
  } catch (e) {
    showRefusal('grant', 'grant', 'grant-requests', e);
    focusFirstError(form);
  }
}
