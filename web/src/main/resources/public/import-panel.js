// The CSV import: a preview of the file's first rows (read here), a check by the server (dryRun=true) that
// lists the rows it would refuse, then the import itself, which stores every row or none.

import { answerText, FIELD_CODES } from './answers.js';
import { isBusy, setBusy } from './controls.js';
import { previewCsv } from './csv.js';
import { formatNumber } from './format.js';
import { t } from './i18n.js';
import { MessageArea } from './messages.js';
import { FIELDS, MAX_LENGTH } from './validate.js';

/** Row codes of the import beyond the field codes, each with an i18n key `problem.<CODE>`. */
export const ROW_CODES = Object.freeze(['DUPLICATE_IN_FILE', 'DUPLICATE_STUDENT_ID', 'MISSING_HEADER', 'DUPLICATE_COLUMN',
  'INVALID_CSV', 'INVALID_JSON']);
/** Codes that mean something else when they are about the header row (row 0): `problem.header.<CODE>`. */
export const HEADER_CODES = Object.freeze(['REQUIRED', 'UNKNOWN_FIELD']);

/** The page's sentence for one refused row, by its code; the server's own when the page does not know it. */
export function rowProblemText(error) {
  const code = String(error?.code ?? '');
  if (Number(error?.row) === 0 && HEADER_CODES.includes(code)) return t(`problem.header.${code}`);
  if (FIELD_CODES.includes(code) || ROW_CODES.includes(code)) {
    return t(`problem.${code}`, { max: MAX_LENGTH[error.field] ?? '' });
  }
  return String(error?.message ?? code);
}

const fieldLabel = (field) => (FIELDS.includes(field) ? t(`field.${field}`) : String(field ?? '—'));
const rowLabel = (row) => (Number(row) === 0 ? t('import.headerRow') : String(row ?? ''));
const count = (value) => formatNumber(Number(value ?? 0));

export class ImportPanel {
  /** client, reportError(area, error), keyAccepted(), reload(): the page's client, error reporting and list. */
  constructor({ client, reportError, keyAccepted, reload }) {
    Object.assign(this, { client, reportError, keyAccepted, reload });
    this.file = document.getElementById('import-file');
    this.conflict = document.getElementById('import-conflict');
    this.check = document.getElementById('import-check');
    this.run = document.getElementById('import-run');
    this.preview = document.getElementById('import-preview');
    this.errorsBox = document.getElementById('import-errors');
    this.area = new MessageArea(document.getElementById('import-messages'), this.file);
    this.previewData = null;
    this.errors = null; // { list, total }
    this.checked = false;
    this.file.addEventListener('change', () => this.chosen());
    this.conflict.addEventListener('change', () => this.invalidate());
    this.check.addEventListener('click', () => this.send(true));
    this.run.addEventListener('click', () => this.send(false));
    this.renderButtons();
  }

  get chosenFile() {
    return this.file.files?.[0] ?? null;
  }

  /** A file or option changed: the last check no longer speaks for what would be imported. */
  invalidate() {
    this.checked = false;
    this.errors = null;
    this.area.clear();
    this.render();
  }

  async chosen() {
    this.invalidate();
    this.previewData = null;
    const file = this.chosenFile;
    if (file) {
      const data = await previewCsv(file);
      if (file === this.chosenFile) this.previewData = { ...data, name: file.name };
    }
    this.render();
  }

  async send(dryRun) {
    const button = dryRun ? this.check : this.run;
    const file = this.chosenFile;
    if (isBusy(this.check) || isBusy(this.run)) return;
    if (!file) {
      this.area.show({ tone: 'error', title: () => t('import.noFile') });
      this.file.focus();
      return;
    }
    const onConflict = this.conflict.value;
    setBusy(button, true);
    this.area.show({ tone: 'info', title: () => t(dryRun ? 'import.checking' : 'import.running') });
    try {
      const answer = await this.client.importCsv(file, { dryRun, onConflict });
      this.keyAccepted();
      this.errors = null;
      this.checked = dryRun;
      const counts = { inserted: count(answer.inserted), replaced: count(answer.replaced), skipped: count(answer.skipped) };
      this.area.show({
        tone: 'success',
        title: () => t(dryRun ? 'import.checked' : 'import.done', { file: file.name }),
        detail: () => t(dryRun ? 'import.counts.dry' : 'import.counts', counts),
      });
      if (!dryRun) {
        this.file.value = '';
        this.previewData = null;
        this.reload();
      }
    } catch (error) {
      this.checked = false;
      const rows = Array.isArray(error.body?.errors) ? error.body.errors : null;
      if (error.kind === 'invalid' && rows) {
        const total = Number(error.body.totalErrors ?? rows.length);
        this.errors = { list: rows, total };
        this.area.show({
          tone: 'error',
          title: () => t(dryRun ? 'import.refused.dry' : 'import.refused', { count: count(total) }),
          detail: () => t('import.refused.detail'),
        });
      } else if (error.code === 'PAYLOAD_TOO_LARGE') {
        this.area.show({ tone: 'error', title: () => t('import.tooLarge') });
      } else if (error.kind === 'invalid') {
        this.area.show({ tone: 'error', title: () => t('import.unreadable'), detail: answerText(error.body) });
      } else {
        this.reportError(this.area, error);
      }
    } finally {
      setBusy(button, false);
      this.render();
    }
  }

  renderButtons() {
    this.run.disabled = !this.checked;
  }

  render() {
    this.renderButtons();
    this.renderPreview();
    this.renderErrors();
    this.area.render();
  }

  renderPreview() {
    const data = this.previewData;
    this.preview.hidden = !data;
    if (!data) {
      this.preview.replaceChildren();
      return;
    }
    const caption = t(data.whole && data.rows.length <= 5 ? 'import.preview.all' : 'import.preview.first',
      { file: data.name, count: data.rows.length });
    this.preview.replaceChildren(table(caption, data.header, data.rows));
  }

  renderErrors() {
    const errors = this.errors;
    this.errorsBox.hidden = !errors;
    if (!errors) {
      this.errorsBox.replaceChildren();
      return;
    }
    const caption = t(errors.total > errors.list.length ? 'import.errors.some' : 'import.errors.all',
      { shown: count(errors.list.length), total: count(errors.total) });
    const rows = errors.list.map((e) => [rowLabel(e.row), fieldLabel(e.field), rowProblemText(e)]);
    this.errorsBox.replaceChildren(table(caption, [t('import.col.row'), t('import.col.field'), t('import.col.problem')], rows));
  }
}

/** A small table of text with a caption and a header row. */
function table(caption, header, rows) {
  const element = document.createElement('table');
  element.className = 'mini-table';
  const captionElement = document.createElement('caption');
  captionElement.textContent = caption;
  const head = document.createElement('thead');
  const headRow = document.createElement('tr');
  for (const name of header) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = name;
    headRow.append(th);
  }
  head.append(headRow);
  const body = document.createElement('tbody');
  for (const cells of rows) {
    const tr = document.createElement('tr');
    for (const cell of cells) {
      const td = document.createElement('td');
      td.textContent = cell;
      tr.append(td);
    }
    body.append(tr);
  }
  element.append(captionElement, head, body);
  return element;
}

export { table as textTable };
