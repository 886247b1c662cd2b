// The Backups panel: the backups newest first, a fresh download link for one, and a restore (merge or
// replace) after a confirmation that says what will be replaced; the answer names the safety backup.

import { answerText } from './answers.js';
import { isBusy, setBusy } from './controls.js';
import { formatBytes, formatNumber, formatTime, safeLink } from './format.js';
import { t } from './i18n.js';
import { MessageArea } from './messages.js';

const PAGE = 20;

/** A backup's name as the routes take it: its `name`, else the last part of its key. */
export function backupName(backup) {
  if (typeof backup?.name === 'string' && backup.name) return backup.name;
  return String(backup?.key ?? '').split('/').pop();
}

/** The name of the safety backup a restore answer names, whatever shape it gives it. */
export function safetyName(answer) {
  const safety = answer?.safetyBackup ?? answer?.safety ?? answer?.safetyBackupKey ?? answer?.safetyKey;
  if (typeof safety === 'string') return safety.split('/').pop();
  return safety ? backupName(safety) : '';
}

const timeOf = (backup) => backup.time ?? backup.lastModified ?? backup.createdAt ?? '';

export class BackupsPanel {
  /** client, baseUrl(), reportError, keyAccepted, reload(), studentCount() (null when unknown): from the page. */
  constructor({ client, baseUrl, reportError, keyAccepted, reload, studentCount }) {
    Object.assign(this, { client, baseUrl, reportError, keyAccepted, reload, studentCount });
    this.refreshButton = document.getElementById('backups-refresh');
    this.more = document.getElementById('backups-more');
    this.body = document.getElementById('backups-body');
    this.table = document.getElementById('backups-table');
    this.empty = document.getElementById('backups-empty');
    this.area = new MessageArea(document.getElementById('backups-messages'), this.refreshButton);
    this.dialog = document.getElementById('restore-dialog');
    this.dialogArea = new MessageArea(document.getElementById('restore-messages'), document.getElementById('restore-cancel'));
    this.confirmButton = document.getElementById('restore-confirm');
    this.backups = null;
    this.next = null;
    this.chosen = null;
    this.refreshButton.addEventListener('click', () => this.load());
    this.more.addEventListener('click', () => this.load(this.next));
    this.body.addEventListener('click', (event) => this.rowAction(event));
    document.getElementById('restore-form').addEventListener('change', () => this.renderDialog());
    document.getElementById('restore-cancel').addEventListener('click', () => this.dialog.close());
    this.confirmButton.addEventListener('click', () => this.restore());
    this.dialog.addEventListener('close', () => {
      this.dialogArea.clear();
      this.focusRow(this.chosen, 'restore');
    });
    this.render();
  }

  /** Loads the first page of backups, or the page after cursor (appended). */
  async load(cursor = null) {
    const button = cursor ? this.more : this.refreshButton;
    if (isBusy(button)) return;
    setBusy(button, true);
    try {
      const { backups, next } = await this.client.listBackups({ limit: PAGE, cursor: cursor ?? undefined });
      this.keyAccepted();
      this.backups = cursor ? [...(this.backups ?? []), ...backups] : backups;
      this.next = next;
      if (this.area.current?.tone === 'error') this.area.clear();
    } catch (error) {
      this.reportError(this.area, error);
    } finally {
      setBusy(button, false);
      this.render();
    }
  }

  /** Forgets the list, as when the key is removed. */
  clear() {
    this.backups = null;
    this.next = null;
    this.area.clear();
    this.render();
  }

  rowAction(event) {
    const button = event.target.closest('button[data-action]');
    const name = button?.closest('tr')?.dataset.backup;
    const backup = this.backups?.find((b) => backupName(b) === name);
    if (!backup) return;
    if (button.dataset.action === 'download') this.download(backup, button);
    else this.openRestore(backup);
  }

  /** Asks for a fresh link (valid one hour), starts the download and shows the link. */
  async download(backup, button) {
    if (isBusy(button)) return;
    const name = backupName(backup);
    setBusy(button, true);
    try {
      const details = await this.client.backupDetails(name);
      this.keyAccepted();
      const href = safeLink(details.downloadUrl, this.baseUrl());
      if (!href) throw Object.assign(new Error('no link'), { kind: 'unexpected', status: 200, body: details });
      const start = document.createElement('a');
      start.href = href;
      start.download = name;
      start.rel = 'noopener noreferrer';
      start.hidden = true;
      document.body.append(start);
      start.click();
      start.remove();
      this.area.show({
        tone: 'success',
        title: () => t('backups.linkReady', { name }),
        detail: () => (details.expiresAt ? t('backups.linkExpires', { time: formatTime(details.expiresAt) }) : ''),
        link: { href, text: () => t('backups.downloadNamed', { name }) },
      });
    } catch (error) {
      this.reportError(this.area, error);
    } finally {
      setBusy(button, false);
    }
  }

  openRestore(backup) {
    this.chosen = backup;
    document.getElementById('restore-merge').checked = true;
    this.dialogArea.clear();
    this.renderDialog();
    this.dialog.showModal();
    document.getElementById('restore-merge').focus();
  }

  mode() {
    return document.getElementById('restore-replace').checked ? 'replace' : 'merge';
  }

  async restore() {
    if (isBusy(this.confirmButton) || !this.chosen) return;
    const name = backupName(this.chosen);
    const mode = this.mode();
    setBusy(this.confirmButton, true);
    try {
      const answer = await this.client.restoreBackup(name, mode);
      this.keyAccepted();
      this.dialog.close();
      const safety = safetyName(answer);
      const fact = (key, value) => (value === undefined ? [] : [{ label: () => t(key), value: () => formatNumber(Number(value)) }]);
      this.area.show({
        tone: 'success',
        title: () => t(mode === 'replace' ? 'restore.done.replace' : 'restore.done.merge', { name }),
        detail: () => (safety ? t('restore.safety', { safety }) : ''),
        facts: [
          ...fact('restore.inserted', answer.inserted),
          ...fact('restore.replaced', answer.replaced),
          ...fact('restore.skipped', answer.skipped),
          ...fact('restore.deleted', answer.deleted),
        ],
      });
      this.reload();
      this.load();
    } catch (error) {
      if (error.kind === 'invalid' || error.kind === 'gone') {
        this.dialogArea.show({ tone: 'error', title: () => t('restore.refused', { name }), detail: answerText(error.body) });
      } else {
        this.reportError(this.dialogArea, error);
      }
    } finally {
      setBusy(this.confirmButton, false);
    }
  }

  focusRow(backup, action) {
    const name = backup && backupName(backup);
    const row = [...this.body.querySelectorAll('tr')].find((tr) => tr.dataset.backup === name);
    (row?.querySelector(`button[data-action='${action}']`) ?? this.refreshButton).focus();
  }

  renderDialog() {
    const backup = this.chosen;
    if (!backup) return;
    const name = backupName(backup);
    const params = { name, count: formatNumber(Number(backup.count ?? 0)), time: formatTime(timeOf(backup)) };
    const current = this.studentCount();
    document.getElementById('restore-title').textContent = t('restore.title', params);
    document.getElementById('restore-about').textContent = t('restore.about', params);
    const replace = this.mode() === 'replace';
    document.getElementById('restore-effect').textContent = replace
      ? t(current === null ? 'restore.effect.replace' : 'restore.effect.replaceCount', { ...params, current: formatNumber(current ?? 0) })
      : t('restore.effect.merge', params);
    document.getElementById('restore-confirm-text').textContent = t(replace ? 'restore.confirm.replace' : 'restore.confirm.merge');
    this.confirmButton.classList.toggle('btn-danger', replace);
    this.confirmButton.classList.toggle('btn-primary', !replace);
  }

  render() {
    const backups = this.backups;
    this.table.hidden = !backups || backups.length === 0;
    this.empty.hidden = !backups || backups.length > 0;
    this.more.hidden = !backups || !this.next;
    const fragment = document.createDocumentFragment();
    for (const backup of backups ?? []) fragment.append(this.row(backup));
    this.body.replaceChildren(fragment);
    this.area.render();
    this.dialogArea.render();
    if (this.dialog.open) this.renderDialog();
  }

  row(backup) {
    const name = backupName(backup);
    const tr = document.createElement('tr');
    tr.dataset.backup = name;
    const cells = [
      ['name', name], ['time', formatTime(timeOf(backup))],
      ['count', backup.count === null || backup.count === undefined ? '—' : formatNumber(Number(backup.count))],
      ['bytes', formatBytes(backup.bytes)],
    ];
    for (const [column, text] of cells) {
      const td = document.createElement('td');
      td.dataset.column = column;
      td.dataset.label = t(`backups.col.${column}`);
      td.textContent = text;
      tr.append(td);
    }
    const actions = document.createElement('td');
    actions.dataset.column = 'actions';
    actions.dataset.label = t('list.actions');
    for (const [action, style] of [['download', 'btn-secondary'], ['restore', 'btn-secondary']]) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = `btn btn-small ${style}`;
      button.dataset.action = action;
      button.textContent = t(`backups.${action}`);
      button.setAttribute('aria-label', t(`backups.${action}.label`, { name }));
      actions.append(button);
    }
    tr.append(actions);
    return tr;
  }
}
