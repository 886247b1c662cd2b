// The "API keys" page: the list with search, "Create API key", enable/disable, edit, rotate and delete.
import { call, enc } from './api.js';
import { loadCatalog } from './catalog.js';
import { confirmAction } from './dialogs.js';
import { $, clearErrors, clearMessages, el, fieldError, focusFirstError, never, refusalText, say, when } from './dom.js';
import { t } from './i18n.js';
import { showRefusal } from './refusals.js';

let catalog = null;
let editing = null;
let wired = false;

export async function show() {
  wire();
  catalog = await loadCatalog();
  render();
}

function wire() {
  if (wired) return;
  wired = true;
  $('#key-create-open').addEventListener('click', () => openCreate(true));
  $('#key-create-cancel').addEventListener('click', () => openCreate(false));
  for (const radio of document.querySelectorAll('input[name="valueKind"]')) {
    radio.addEventListener('change', () => {
      $('#key-value-field').hidden = !isCustom();
    });
  }
  $('#key-create').addEventListener('submit', create);
  $('#key-created-copy').addEventListener('click', copyValue);
  $('#key-created-done').addEventListener('click', () => {
    $('#key-created-value').value = '';
    $('#key-created').hidden = true;
    $('#key-create-open').focus();
  });
  $('#key-search').addEventListener('input', render);
  $('#key-edit-form').addEventListener('submit', saveEdit);
  $('#key-edit-cancel').addEventListener('click', () => $('#key-edit').close());
}

function isCustom() {
  return document.querySelector('input[name="valueKind"]:checked').value === 'custom';
}

function openCreate(open) {
  const form = $('#key-create');
  form.hidden = !open;
  $('#key-create-open').setAttribute('aria-expanded', String(open));
  if (open) {
    form.reset();
    clearErrors(form);
    $('#key-value-field').hidden = true;
    $('#key-name').focus();
  } else {
    $('#key-create-open').focus();
  }
}

async function create(event) {
  event.preventDefault();
  const form = $('#key-create');
  clearErrors(form);
  clearMessages();
  const name = $('#key-name').value.trim();
  const body = { name, description: $('#key-description').value, enabled: $('#key-enabled').checked };
  if (isCustom()) body.value = $('#key-value').value;
  try {
    const created = await call('POST', '/apikeys', body);
    form.reset();
    form.hidden = true;
    $('#key-create-open').setAttribute('aria-expanded', 'false');
    revealValue(t('keys.created.message', { name: created.name }), created.value);
    await show();
  } catch (e) {
    showRefusal('key', 'key', 'key-create', e);
    focusFirstError(form);
  }
}

function revealValue(message, value) {
  $('#key-created-message').textContent = message;
  $('#key-created-value').value = value;
  $('#key-created-copied').textContent = '';
  $('#key-created').hidden = false;
  $('#key-created').focus();
}

async function copyValue() {
  const field = $('#key-created-value');
  try {
    await navigator.clipboard.writeText(field.value);
    $('#key-created-copied').textContent = t('keys.copied');
  } catch (e) {
    field.select();
    $('#key-created-copied').textContent = t('keys.copyFailed');
  }
}

function render() {
  if (!catalog) return;
  const query = $('#key-search').value.trim().toLowerCase();
  const keys = catalog.keys.filter((key) => !query || key.name.toLowerCase().includes(query));
  $('#keys-table tbody').replaceChildren(...keys.map(row));
  $('#keys-empty').hidden = keys.length > 0;
}

function planNames(key) {
  return (catalog.plansOfKey.get(key.id) || []).map((plan) => plan.name);
}

function cell(labelKey, ...content) {
  return el('td', { 'data-label': t(labelKey) }, ...content);
}

function row(key) {
  const extra = catalog.extras.get(key.id) || {};
  const expired = extra.expired === true;
  const plans = planNames(key);
  return el('tr', { dataset: { keyId: key.id } },
    cell('field.name', el('span', { class: 'font-semibold', text: key.name })),
    cell('field.id', el('code', { class: 'font-mono text-xs', text: key.id })),
    cell('field.description', key.description || ''),
    cell('field.enabled', el('span', { class: key.enabled ? 'badge badge-on' : 'badge badge-off',
      text: key.enabled ? t('common.yes') : t('common.no') })),
    cell('keys.created', when(key.createdDate)),
    cell('keys.lastUsed', extra.lastUsedDate ? when(extra.lastUsedDate) : never()),
    cell('keys.expires', expired ? el('span', { class: 'badge badge-off', text: t('keys.expired') })
      : (extra.expirationDate ? when(extra.expirationDate) : never())),
    cell('keys.plans', plans.length ? plans.join(', ') : t('common.none')),
    cell('field.actions', el('div', { class: 'flex flex-wrap gap-1', role: 'group', 'aria-label': t('keys.actionsFor', { name: key.name }) },
      el('button', { type: 'button', class: 'btn btn-small btn-secondary', dataset: { action: 'toggle' },
        text: key.enabled ? t('keys.disable') : t('keys.enable'), on: { click: () => toggle(key) } }),
      el('button', { type: 'button', class: 'btn btn-small btn-secondary', dataset: { action: 'edit' },
        text: t('action.edit'), on: { click: () => openEdit(key) } }),
      el('button', { type: 'button', class: 'btn btn-small btn-secondary', dataset: { action: 'rotate' },
        text: t('keys.rotate'), on: { click: () => rotate(key) } }),
      el('button', { type: 'button', class: 'btn btn-small btn-danger-quiet', dataset: { action: 'delete' },
        text: t('action.delete'), on: { click: () => remove(key) } }))));
}

function replace(path, value) {
  return { op: 'replace', path, value };
}

async function toggle(key) {
  clearMessages();
  try {
    const changed = await call('PATCH', `/apikeys/${enc(key.id)}`,
      { patchOperations: [replace('/enabled', String(!key.enabled))] });
    say('success', t(changed.enabled ? 'keys.enabled' : 'keys.disabled', { name: changed.name }));
    await show();
  } catch (e) {
    say('error', refusalText(e));
  }
}

function toLocalInput(epochSeconds) {
  return epochSeconds ? new Date(epochSeconds * 1000).toISOString().slice(0, 16) : '';
}

function openEdit(key) {
  editing = key;
  const form = $('#key-edit-form');
  clearErrors(form);
  $('#key-edit-name').value = key.name;
  $('#key-edit-description').value = key.description || '';
  const extra = catalog.extras.get(key.id);
  $('#key-edit-expires').closest('.field').hidden = !extra;
  $('#key-edit-expires').value = toLocalInput(extra && extra.expirationDate);
  $('#key-edit').showModal();
  $('#key-edit-name').focus();
}

async function saveEdit(event) {
  event.preventDefault();
  const form = $('#key-edit-form');
  clearErrors(form);
  const key = editing;
  const operations = [];
  const name = $('#key-edit-name').value.trim();
  const description = $('#key-edit-description').value;
  if (name !== key.name) operations.push(replace('/name', name));
  if (description !== (key.description || '')) operations.push(replace('/description', description));
  const extra = catalog.extras.get(key.id);
  const expiresText = $('#key-edit-expires').value;
  let expiration;
  if (extra) {
    const seconds = expiresText ? Math.floor(Date.parse(`${expiresText}:00Z`) / 1000) : null;
    if (expiresText && Number.isNaN(seconds)) {
      fieldError('key-edit-expires', t('keys.expiresInvalid'));
      return;
    }
    if (seconds !== (extra.expirationDate ?? null)) expiration = seconds;
  }
  try {
    let saved = key;
    if (operations.length) saved = await call('PATCH', `/apikeys/${enc(key.id)}`, { patchOperations: operations });
    if (expiration !== undefined) {
      await call('PUT', `/studentapi/apikeys/${enc(key.id)}/expiration`, { expirationDate: expiration });
    }
    $('#key-edit').close();
    say('success', t('keys.saved', { name: saved.name }));
    await show();
  } catch (e) {
    showRefusal('key', 'key-edit', 'key-edit', e);
    focusFirstError(form);
  }
}

async function rotate(key) {
  clearMessages();
  const plans = planNames(key);
  const ok = await confirmAction(t('keys.rotateTitle', { name: key.name }),
    t('keys.rotateText', { plans: plans.length ? plans.join(', ') : t('common.none') }), t('keys.rotate'));
  if (!ok) return;
  try {
    const rotated = await call('POST', `/studentapi/apikeys/${enc(key.id)}/rotate`, {});
    revealValue(t('keys.rotated.message', { name: rotated.apiKey.name, old: key.name }), rotated.apiKey.value);
    await show();
  } catch (e) {
    say('error', refusalText(e));
  }
}

async function remove(key) {
  clearMessages();
  const plans = planNames(key);
  const text = plans.length ? t('keys.deleteOnPlans', { plans: plans.join(', ') }) : t('keys.deleteNoPlans');
  if (!await confirmAction(t('keys.deleteTitle', { name: key.name }), text, t('action.delete'))) return;
  try {
    await call('DELETE', `/apikeys/${enc(key.id)}`);
    say('success', t('keys.deleted', { name: key.name }));
    await show();
  } catch (e) {
    say('error', refusalText(e));
  }
}
