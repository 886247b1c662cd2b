// The "Usage plans" page: each plan with its throttle, quota, stage and keys; "Create usage plan", edit,
// delete, "Add API key" and remove. Refusals come from the control plane and are shown next to their field.
import { all, call, enc } from './api.js';
import { loadCatalog } from './catalog.js';
import { confirmAction } from './dialogs.js';
import { $, clearErrors, clearMessages, el, fieldError, focusFirstError, refusalText, say } from './dom.js';
import { t } from './i18n.js';
import { showRefusal } from './refusals.js';

let catalog = null;
let editing = null;
let wired = false;

export async function show() {
  wire();
  const [loaded] = await Promise.all([loadCatalog(), loadStages()]);
  catalog = loaded;
  render();
}

function wire() {
  if (wired) return;
  wired = true;
  $('#plan-create-open').addEventListener('click', () => openForm(null));
  $('#plan-form-cancel').addEventListener('click', closeForm);
  $('#plan-form').addEventListener('submit', save);
}

async function loadStages() {
  const select = $('#plan-stage');
  if (select.options.length) return;
  const apis = await all('/restapis');
  const options = [el('option', { value: '', text: t('plans.noStage') })];
  for (const api of apis) {
    const stages = await call('GET', `/restapis/${enc(api.id)}/stages`);
    for (const stage of (stages && stages.item) || []) {
      options.push(el('option', { value: `${api.id}:${stage.stageName}`, text: `${api.name} (${api.id}) · ${stage.stageName}` }));
    }
  }
  select.replaceChildren(...options);
}

function stageOf(plan) {
  const stage = (plan.apiStages || [])[0];
  return stage ? `${stage.apiId}:${stage.stage}` : '';
}

function openForm(plan) {
  editing = plan;
  const form = $('#plan-form');
  form.reset();
  clearErrors(form);
  $('#plan-form-heading').textContent = plan ? t('plans.edit', { name: plan.name }) : t('plans.create');
  $('#plan-name').value = plan ? plan.name : '';
  $('#plan-description').value = plan ? plan.description || '' : '';
  $('#plan-rate').value = plan && plan.throttle ? plan.throttle.rateLimit : '';
  $('#plan-burst').value = plan && plan.throttle ? plan.throttle.burstLimit : '';
  $('#plan-requests').value = plan && plan.quota ? plan.quota.limit : '';
  $('#plan-period').value = plan && plan.quota ? plan.quota.period : '';
  $('#plan-offset').value = plan && plan.quota ? plan.quota.offset : '0';
  const stages = $('#plan-stage');
  stages.value = plan ? stageOf(plan) : (stages.options[1] ? stages.options[1].value : '');
  form.hidden = false;
  $('#plan-create-open').setAttribute('aria-expanded', 'true');
  $('#plan-name').focus();
}

function closeForm() {
  $('#plan-form').hidden = true;
  $('#plan-create-open').setAttribute('aria-expanded', 'false');
  editing = null;
  $('#plan-create-open').focus();
}

/** The numbers as typed: text that is not a number is sent as is, so the control plane names the field. */
function number(id) {
  const text = $(`#${id}`).value.trim();
  if (text === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : text;
}

function formValues() {
  return {
    name: $('#plan-name').value.trim(),
    description: $('#plan-description').value,
    rate: number('plan-rate'),
    burst: number('plan-burst'),
    requests: number('plan-requests'),
    period: $('#plan-period').value,
    offset: number('plan-offset'),
    stage: $('#plan-stage').value,
  };
}

function createBody(v) {
  const body = { name: v.name, description: v.description };
  if (v.rate !== undefined || v.burst !== undefined) body.throttle = { rateLimit: v.rate, burstLimit: v.burst };
  if (v.requests !== undefined || v.period) body.quota = { limit: v.requests, period: v.period || undefined, offset: v.offset ?? 0 };
  if (v.stage) {
    const [apiId, stage] = v.stage.split(':');
    body.apiStages = [{ apiId, stage }];
  }
  return body;
}

function patchOperations(plan, v) {
  const ops = [];
  const replace = (path, value) => ops.push({ op: 'replace', path, value: String(value) });
  if (v.name !== plan.name) replace('/name', v.name);
  if (v.description !== (plan.description || '')) replace('/description', v.description);
  if (v.rate === undefined && v.burst === undefined) {
    if (plan.throttle) ops.push({ op: 'remove', path: '/throttle' });
  } else {
    if (!plan.throttle || v.rate !== plan.throttle.rateLimit) replace('/throttle/rateLimit', v.rate ?? '');
    if (!plan.throttle || v.burst !== plan.throttle.burstLimit) replace('/throttle/burstLimit', v.burst ?? '');
  }
  if (v.requests === undefined && !v.period) {
    if (plan.quota) ops.push({ op: 'remove', path: '/quota' });
  } else {
    if (!plan.quota || v.requests !== plan.quota.limit) replace('/quota/limit', v.requests ?? '');
    if (!plan.quota || v.period !== plan.quota.period) replace('/quota/period', v.period);
    if (!plan.quota || (v.offset ?? 0) !== plan.quota.offset) replace('/quota/offset', v.offset ?? 0);
  }
  const before = stageOf(plan);
  if (v.stage !== before) {
    if (before) ops.push({ op: 'remove', path: '/apiStages', value: before });
    if (v.stage) ops.push({ op: 'add', path: '/apiStages', value: v.stage });
  }
  return ops;
}

async function save(event) {
  event.preventDefault();
  const form = $('#plan-form');
  clearErrors(form);
  clearMessages();
  const values = formValues();
  try {
    let saved;
    if (editing) {
      saved = await call('PATCH', `/usageplans/${enc(editing.id)}`, { patchOperations: patchOperations(editing, values) });
      say('success', t('plans.saved', { name: saved.name }));
    } else {
      saved = await call('POST', '/usageplans', createBody(values));
      say('success', t('plans.created', { name: saved.name }));
    }
    form.hidden = true;
    $('#plan-create-open').setAttribute('aria-expanded', 'false');
    editing = null;
    await show();
  } catch (e) {
    showRefusal('plan', 'plan', 'plan-form', e);
    focusFirstError(form);
  }
}

function render() {
  $('#plans-list').replaceChildren(...catalog.plans.map(card));
  $('#plans-empty').hidden = catalog.plans.length > 0;
}

function fact(labelKey, value) {
  return el('div', { class: 'fact' }, el('dt', { text: t(labelKey) }), el('dd', { text: value }));
}

function card(plan) {
  const members = catalog.planKeys.get(plan.id) || [];
  const memberIds = new Set(members.map((key) => key.id));
  const candidates = catalog.keys.filter((key) => !memberIds.has(key.id));
  const headingId = `plan-${plan.id}-heading`;
  const selectId = `plan-${plan.id}-add`;
  const throttle = plan.throttle
    ? t('plans.summaryThrottle', { rate: plan.throttle.rateLimit, burst: plan.throttle.burstLimit }) : t('plans.noThrottle');
  const quota = plan.quota
    ? t('plans.summaryQuota', { limit: plan.quota.limit, period: t(`period.${plan.quota.period}`), offset: plan.quota.offset })
    : t('plans.noQuota');
  return el('article', { class: 'panel grid content-start gap-3', 'aria-labelledby': headingId, dataset: { planId: plan.id } },
    el('div', { class: 'flex flex-wrap items-start justify-between gap-2' },
      el('div', { class: 'min-w-0' },
        el('h2', { id: headingId, class: 'section-title', text: plan.name }),
        el('code', { class: 'font-mono text-xs text-slate-600', text: plan.id })),
      el('div', { class: 'flex gap-1' },
        el('button', { type: 'button', class: 'btn btn-small btn-secondary', 'aria-label': `${t('action.edit')} ${plan.name}`,
          text: t('action.edit'), dataset: { action: 'edit' }, on: { click: () => openForm(plan) } }),
        el('button', { type: 'button', class: 'btn btn-small btn-danger-quiet', 'aria-label': `${t('action.delete')} ${plan.name}`,
          text: t('action.delete'), dataset: { action: 'delete' }, on: { click: () => remove(plan, members) } }))),
    plan.description ? el('p', { class: 'text-sm', text: plan.description }) : null,
    el('dl', { class: 'facts' },
      fact('plans.throttle', throttle),
      fact('plans.quota', quota),
      fact('plans.stage', stageOf(plan) || t('plans.noStage'))),
    el('h3', { class: 'text-sm font-semibold text-slate-800', text: t('plans.keys') }),
    members.length
      ? el('ul', { class: 'grid gap-1' }, ...members.map((key) => el('li', { class: 'flex flex-wrap items-center justify-between gap-2 rounded-lg bg-slate-50 px-2 py-1' },
        el('span', { class: 'min-w-0 wrap-anywhere', text: `${key.name} (${key.id})` }),
        el('button', { type: 'button', class: 'btn btn-small btn-danger-quiet', dataset: { action: 'remove-key', keyId: key.id },
          'aria-label': t('plans.removeKey', { key: key.name, plan: plan.name }), text: t('action.remove'),
          on: { click: () => removeKey(plan, key) } }))))
      : el('p', { class: 'field-hint', text: t('plans.noKeys') }),
    candidates.length
      ? el('form', { class: 'flex flex-wrap items-end gap-2', novalidate: true, on: { submit: (e) => addKey(e, plan, selectId) } },
        el('div', { class: 'field min-w-0 flex-1 basis-48' },
          el('label', { for: selectId, class: 'field-label', text: t('plans.keyToAdd', { name: plan.name }) }),
          el('select', { id: selectId, class: 'control', 'aria-describedby': `${selectId}-error` },
            ...candidates.map((key) => el('option', { value: key.id, text: `${key.name} (${key.id})` }))),
          el('p', { id: `${selectId}-error`, class: 'field-error', hidden: true })),
        el('button', { type: 'submit', class: 'btn btn-secondary', text: t('plans.addKey') }))
      : el('p', { class: 'field-hint', text: t('plans.noKeyToAdd') }));
}

async function addKey(event, plan, selectId) {
  event.preventDefault();
  clearMessages();
  const select = document.getElementById(selectId);
  const key = catalog.keys.find((k) => k.id === select.value);
  try {
    await call('POST', `/usageplans/${enc(plan.id)}/keys`, { keyId: key.id, keyType: 'API_KEY' });
    say('success', t('plans.keyAdded', { key: key.name, plan: plan.name }));
    await show();
  } catch (e) {
    fieldError(selectId, refusalText(e));
    select.focus();
  }
}

async function removeKey(plan, key) {
  clearMessages();
  if (!await confirmAction(t('plans.removeTitle', { key: key.name, plan: plan.name }), t('plans.removeText'), t('action.remove'))) return;
  try {
    await call('DELETE', `/usageplans/${enc(plan.id)}/keys/${enc(key.id)}`);
    say('success', t('plans.keyRemoved', { key: key.name, plan: plan.name }));
    await show();
  } catch (e) {
    say('error', refusalText(e));
  }
}

async function remove(plan, members) {
  clearMessages();
  const keys = members.length ? members.map((k) => k.name).join(', ') : t('common.none');
  if (!await confirmAction(t('plans.deleteTitle', { name: plan.name }), t('plans.deleteText', { keys }), t('action.delete'))) return;
  try {
    await call('DELETE', `/usageplans/${enc(plan.id)}`);
    say('success', t('plans.deleted', { name: plan.name }));
    await show();
  } catch (e) {
    say('error', refusalText(e));
  }
}
