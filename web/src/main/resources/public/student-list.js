// Loads the student list: whole when it is small, else a server page at a time (limit + cursor), with the
// search and class filter then sent to the server; and exports the students matching the filters as CSV.

import { isBusy, setBusy } from './controls.js';
import { t } from './i18n.js';

/** A list with more students than this is paged, searched and filtered by the server. */
export const LARGE_LIST = 1000;
/** Students on one server page. */
export const SERVER_PAGE = 25;
const TYPING_PAUSE_MS = 300;

/** The name of an export file: students-YYYY-MM-DD.csv in local time. */
export function exportFileName(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `students-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}

export class StudentList {
  /** table, client, area (the list's MessageArea), refresh and exportButton, note, hasKey(), reportError, keyAccepted. */
  constructor({ table, client, area, refresh, exportButton, note, hasKey, reportError, keyAccepted }) {
    Object.assign(this, { table, client, area, refresh, exportButton, note, hasKey, reportError, keyAccepted });
    this.sequence = 0;
    this.server = null; // { cursors: [cursor of page 1 (null), of page 2, ...], index }
    this.typing = null;
  }

  /** Forgets an answer still on its way (the key or the API changed). */
  cancel() {
    this.sequence += 1;
    setBusy(this.refresh, false);
  }

  get serverMode() {
    return this.server !== null;
  }

  onThrottledRetry = () => this.area.show({
    tone: 'warning', title: () => t('error.throttled'), detail: () => t('error.throttled.retrying'),
  });

  /** Loads the list from the start: whole when it has at most LARGE_LIST students, else its first server page. */
  async load() {
    if (!this.hasKey()) {
      this.server = null;
      this.note.hidden = true;
      this.table.clear();
      return;
    }
    const sequence = ++this.sequence;
    this.table.startLoading();
    setBusy(this.refresh, true);
    try {
      const probe = await this.client.listPage({ limit: LARGE_LIST, onThrottledRetry: this.onThrottledRetry });
      if (sequence !== this.sequence) return;
      if (probe.next) {
        this.server = { cursors: [null], index: 0 };
        this.note.hidden = false;
        await this.loadServerPage(0, sequence, probe.retried);
        return;
      }
      this.server = null;
      this.note.hidden = true;
      this.table.setStudents(probe.students);
      this.loaded(probe.retried);
    } catch (error) {
      this.failed(sequence, error);
    } finally {
      if (sequence === this.sequence) setBusy(this.refresh, false);
    }
  }

  /** Loads server page number index + 1 (its cursor is known), with the filters as typed. */
  async loadServerPage(index, sequence = ++this.sequence, retriedBefore = false) {
    this.table.startLoading();
    setBusy(this.refresh, true);
    const { q, className } = this.table.filters();
    try {
      const page = await this.client.listPage({
        limit: SERVER_PAGE, cursor: this.server.cursors[index] ?? undefined, q, className, onThrottledRetry: this.onThrottledRetry,
      });
      if (sequence !== this.sequence) return;
      this.server.cursors.length = index + 1;
      if (page.next) this.server.cursors.push(page.next);
      this.server.index = index;
      this.table.setServerPage(page.students, { number: index + 1, from: index * SERVER_PAGE + 1, hasNext: Boolean(page.next) },
        (step) => this.turn(step));
      this.loaded(retriedBefore || page.retried);
    } catch (error) {
      this.failed(sequence, error);
    } finally {
      if (sequence === this.sequence) setBusy(this.refresh, false);
    }
  }

  turn(step) {
    const index = this.server.index + step;
    if (index < 0 || index >= this.server.cursors.length || isBusy(this.refresh)) return;
    this.loadServerPage(index).then(() => document.getElementById('students-heading')?.focus());
  }

  /** Reloads the page shown (a server page keeps its place; a whole list is loaded again). */
  reload() {
    if (this.serverMode) return this.loadServerPage(this.server.index);
    return this.load();
  }

  /** The filters changed: a whole list filters here at once; a server page asks again after a pause in typing. */
  filtersChanged() {
    if (!this.serverMode) return;
    clearTimeout(this.typing);
    this.typing = setTimeout(() => {
      this.server = { cursors: [null], index: 0 };
      this.loadServerPage(0);
    }, TYPING_PAUSE_MS);
  }

  loaded(retried) {
    this.keyAccepted();
    if (retried) this.area.show({ tone: 'info', title: () => t('list.retried') });
    else if (this.area.current?.tone !== 'success') this.area.clear();
  }

  failed(sequence, error) {
    if (sequence !== this.sequence) return;
    this.table.loadFailed();
    this.reportError(this.area, error);
  }

  /** Downloads the students matching the filters as CSV (fetched with the key, saved from a Blob). */
  async exportCsv() {
    if (isBusy(this.exportButton)) return;
    if (!this.hasKey()) {
      this.reportError(this.area, { kind: 'missing-key' });
      return;
    }
    const { q, className } = this.table.filters();
    setBusy(this.exportButton, true);
    try {
      const blob = await this.client.exportCsv({ q, className });
      this.keyAccepted();
      const file = exportFileName();
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = file;
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      const filtered = [q, className].filter(Boolean).join(' · ');
      this.area.show({ tone: 'success', title: () => t(filtered ? 'export.doneFiltered' : 'export.done', { file, filter: filtered }) });
    } catch (error) {
      this.reportError(this.area, error);
    } finally {
      setBusy(this.exportButton, false);
    }
  }
}
