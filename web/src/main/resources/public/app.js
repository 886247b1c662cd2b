// Wires the page: the key, the settings, the backup and the language; the list, the form, the dialogs, the
// import and the backups panel live in their own modules.

import { answerText } from './answers.js';
import { createClient } from './api.js';
import { BackupsPanel } from './backups-panel.js';
import { FieldErrors, isBusy, setBusy } from './controls.js';
import { formatBytes, formatNumber, formatTime, safeLink } from './format.js';
import { initialLanguage, language, setLanguage, t, translatePage } from './i18n.js';
import { ImportPanel } from './import-panel.js';
import { MessageArea } from './messages.js';
import { apiKeyStore, baseUrlStore, defaultBaseUrl, languageStore, normalizeBaseUrl } from './settings.js';
import { DeleteDialog, EditDialog } from './student-dialogs.js';
import { StudentForm } from './student-form.js';
import { StudentList } from './student-list.js';
import { StudentTable } from './table.js';

const $ = (selector) => document.querySelector(selector);

const ui = {
  language: $('#language'),
  keyForm: $('#key-form'),
  key: $('#api-key'),
  keyError: $('#api-key-error'),
  toggleKey: $('#toggle-key'),
  forgetKey: $('#forget-key'),
  settingsForm: $('#settings-form'),
  base: $('#api-base'),
  baseHint: $('#api-base-hint'),
  baseError: $('#api-base-error'),
  baseDisplay: $('#api-base-display'),
  resetBase: $('#reset-base'),
  form: $('#student-form'),
  save: $('#save'),
  search: $('#search'),
  classFilter: $('#class-filter'),
  refresh: $('#refresh'),
  export: $('#export'),
  backup: $('#backup'),
};

const areas = {
  connection: new MessageArea($('#connection-messages'), ui.key),
  form: new MessageArea($('#form-messages'), ui.save),
  list: new MessageArea($('#list-messages'), ui.refresh),
  backup: new MessageArea($('#backup-messages'), ui.backup),
};

const dialogs = {};
const table = new StudentTable(document, {
  onEdit: (student) => dialogs.edit.open(student),
  onDelete: (student) => dialogs.remove.open(student),
});

const state = {
  baseUrl: '',
  defaultBase: { url: '', source: 'default' },
};

const fieldErrors = new FieldErrors();
const client = createClient({ baseUrl: () => state.baseUrl, apiKey: () => apiKeyStore.get() });
const hasKey = () => Boolean(apiKeyStore.get());

// ---- errors that every action can meet -----------------------------------------------------------

function keyProblem(textKey) {
  fieldErrors.show(ui.key, ui.keyError, () => t(textKey));
  ui.key.focus();
  ui.key.select();
}

/** Shows what went wrong in the area of the action; a key problem is shown at the key field. */
function reportError(area, error) {
  const base = state.baseUrl;
  switch (error.kind) {
    case 'missing-key':
      keyProblem('key.needed');
      area.clear();
      return;
    case 'forbidden':
      area.clear();
      areas.connection.show({ tone: 'error', title: () => t('error.forbidden'), detail: () => t('error.forbidden.detail') });
      keyProblem('error.forbidden');
      return;
    case 'throttled':
      area.show({ tone: 'warning', title: () => t('error.throttled'), detail: () => t('error.throttled.detail') });
      return;
    case 'quota': {
      const resetsAt = error.retryAfter === null ? null : new Date(Date.now() + error.retryAfter * 1000);
      area.show({
        tone: 'error',
        title: () => t('error.quota'),
        detail: () => (resetsAt ? t('error.quota.detail', { time: formatTime(resetsAt) }) : t('error.quota.detailTomorrow')),
      });
      return;
    }
    case 'network':
      area.show({ tone: 'error', title: () => t('error.network', { url: base }), detail: () => t('error.network.detail') });
      return;
    case 'timeout':
      area.show({ tone: 'error', title: () => t('error.timeout', { url: base }), detail: () => t('error.network.detail') });
      return;
    case 'not-found':
      area.show({ tone: 'error', title: () => t('error.notFound', { url: error.url || base }), detail: () => t('error.notFound.detail') });
      return;
    case 'server':
      area.show({ tone: 'error', title: () => t('error.server', { status: error.status }), detail: answerText(error.body) });
      return;
    default:
      area.show({ tone: 'error', title: () => t('error.unexpected', { status: error.status }), detail: answerText(error.body) });
  }
}

function keyAccepted() {
  fieldErrors.clear(ui.key, ui.keyError);
  if (areas.connection.current?.tone === 'error') areas.connection.clear();
}

// ---- the list, the dialogs and the panels -------------------------------------------------------

const list = new StudentList({
  table, client, area: areas.list, refresh: ui.refresh, exportButton: ui.export, note: $('#server-paging-note'),
  hasKey, reportError, keyAccepted,
});
const loadStudents = () => list.load();
const dialogOptions = { client, table, listArea: areas.list, reportError, keyAccepted, fieldErrors };
dialogs.edit = new EditDialog(dialogOptions);
dialogs.remove = new DeleteDialog(dialogOptions);
const importPanel = new ImportPanel({ client, reportError, keyAccepted, reload: () => list.reload() });
const backups = new BackupsPanel({
  client, baseUrl: () => state.baseUrl, reportError, keyAccepted, reload: () => list.reload(),
  studentCount: () => (!list.serverMode && table.state === 'loaded' ? table.students.length : null),
});

// ---- the backup ----------------------------------------------------------------------------------

async function runBackup() {
  if (isBusy(ui.backup)) return;
  if (!apiKeyStore.get()) {
    reportError(areas.backup, { kind: 'missing-key' });
    return;
  }
  setBusy(ui.backup, true);
  areas.backup.show({ tone: 'info', title: () => t('backup.running') });
  try {
    const answer = await client.backup();
    keyAccepted();
    const href = safeLink(answer.downloadUrl, state.baseUrl);
    areas.backup.show({
      tone: 'success',
      title: () => t('backup.done'),
      detail: answerText(answer),
      facts: [
        { label: () => t('backup.count'), value: () => formatNumber(Number(answer.count ?? 0)) },
        { label: () => t('backup.size'), value: () => formatBytes(answer.bytes) },
        { label: () => t('backup.key'), value: () => String(answer.key ?? ''), wide: true },
        ...(answer.expiresAt ? [{ label: () => t('backup.expires'), value: () => formatTime(answer.expiresAt), wide: true }] : []),
      ],
      link: href ? { href, text: () => t('backup.download') } : undefined,
    });
    if (backups.backups) backups.load();
  } catch (error) {
    if (error.code === 'BACKUP_MAIL_FAILED') {
      const key = String(error.body.key ?? '');
      areas.backup.show({ tone: 'error', title: () => t('backup.mailFailed', { key }), detail: answerText(error.body) });
    } else if (error.code === 'BACKUP_FAILED') {
      areas.backup.show({ tone: 'error', title: () => t('backup.failed'), detail: answerText(error.body) });
    } else {
      reportError(areas.backup, error);
    }
  } finally {
    setBusy(ui.backup, false);
  }
}

// ---- key, settings and language ------------------------------------------------------------------

function connect(event) {
  event.preventDefault();
  const key = ui.key.value.trim();
  if (!key) {
    keyProblem('key.needed');
    return;
  }
  apiKeyStore.set(key);
  loadStudents();
}

function forgetKey() {
  list.cancel(); // an answer still on its way is for a key that is gone
  apiKeyStore.clear();
  backups.clear();
  ui.key.value = '';
  fieldErrors.clear(ui.key, ui.keyError);
  table.clear();
  areas.connection.show({ tone: 'info', title: () => t('key.forgotten') });
  ui.key.focus();
}

function toggleKeyVisibility() {
  const show = ui.key.type === 'password';
  ui.key.type = show ? 'text' : 'password';
  renderKeyToggle();
}

function renderKeyToggle() {
  ui.toggleKey.textContent = t(ui.key.type === 'password' ? 'key.show' : 'key.hide');
}

function renderBase() {
  ui.baseDisplay.textContent = state.baseUrl;
  ui.baseHint.textContent = t(state.defaultBase.source === 'config' ? 'settings.hint.config' : 'settings.hint.default',
    { url: state.defaultBase.url });
}

function useBase(url) {
  state.baseUrl = url;
  ui.base.value = url;
  fieldErrors.clear(ui.base, ui.baseError);
  renderBase();
  areas.connection.show({ tone: 'success', title: () => t('settings.saved', { url }) });
  list.cancel(); // the students of the previous API are not this one's
  table.clear();
  backups.clear();
  areas.list.clear();
  loadStudents();
}

function applyBase(event) {
  event.preventDefault();
  const url = normalizeBaseUrl(ui.base.value, location.href);
  if (!url || !ui.base.value.trim()) {
    fieldErrors.show(ui.base, ui.baseError, () => t('settings.invalid'));
    ui.base.focus();
    return;
  }
  if (url === state.defaultBase.url) baseUrlStore.clear();
  else baseUrlStore.set(url);
  useBase(url);
}

function resetBase() {
  baseUrlStore.clear();
  useBase(state.defaultBase.url);
}

function changeLanguage(lang) {
  setLanguage(lang);
  ui.language.value = language();
  translatePage();
  renderKeyToggle();
  renderBase();
  fieldErrors.render();
  for (const area of Object.values(areas)) area.render();
  table.render();
  dialogs.edit.render();
  dialogs.remove.render();
  dialogs.edit.area.render();
  dialogs.remove.area.render();
  importPanel.render();
  backups.render();
}

// ---- start ---------------------------------------------------------------------------------------

async function start() {
  changeLanguage(initialLanguage(languageStore.get(), navigator.languages));
  ui.language.addEventListener('change', () => {
    languageStore.set(ui.language.value);
    changeLanguage(ui.language.value);
  });

  new StudentForm({
    form: ui.form,
    save: ui.save,
    area: areas.form,
    client,
    table,
    fieldErrors,
    hasKey,
    reportError,
    keyAccepted,
    reload: () => list.reload(),
  });
  ui.keyForm.addEventListener('submit', connect);
  ui.key.addEventListener('input', () => {
    apiKeyStore.set(ui.key.value);
    if (ui.key.value.trim()) fieldErrors.clear(ui.key, ui.keyError);
  });
  ui.toggleKey.addEventListener('click', toggleKeyVisibility);
  ui.forgetKey.addEventListener('click', forgetKey);
  ui.settingsForm.addEventListener('submit', applyBase);
  ui.resetBase.addEventListener('click', resetBase);
  for (const type of ['input', 'search', 'change']) {
    ui.search.addEventListener(type, () => {
      if (ui.search.value === table.query) return;
      table.search(ui.search.value);
      list.filtersChanged();
    });
    ui.classFilter.addEventListener(type, () => {
      if (ui.classFilter.value === table.className) return;
      table.filterClass(ui.classFilter.value);
      list.filtersChanged();
    });
  }
  ui.refresh.addEventListener('click', () => {
    if (!isBusy(ui.refresh)) loadStudents();
    if (!apiKeyStore.get()) keyProblem('key.needed');
  });
  ui.backup.addEventListener('click', runBackup);
  ui.export.addEventListener('click', () => list.exportCsv());

  ui.key.value = apiKeyStore.get();
  table.clear();

  state.defaultBase = await defaultBaseUrl(location.href);
  const custom = baseUrlStore.get();
  state.baseUrl = (custom && normalizeBaseUrl(custom, location.href)) || state.defaultBase.url;
  ui.base.value = state.baseUrl;
  renderBase();
  document.documentElement.dataset.ready = 'true';
  await loadStudents();
}

start();
