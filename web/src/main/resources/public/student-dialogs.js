// The Edit dialog and the Delete confirmation of a student row. Both read the stored student first and send
// its ETag as If-Match, so a change someone else made in between is never overwritten unseen (412).

import { fieldErrors as answerFieldErrors } from './answers.js';
import { isBusy, setBusy } from './controls.js';
import { t } from './i18n.js';
import { MessageArea } from './messages.js';
import { MAX_LENGTH, localToday, validateStudent } from './validate.js';
import { problemText } from './answers.js';

const EDITABLE = Object.freeze(['name', 'class', 'birthdate', 'email']);
const who = (student) => ({ name: String(student.name ?? ''), id: String(student.studentid ?? '') });
const fieldText = (field, code, message = '') => problemText({ code, message }, MAX_LENGTH[field] ?? '');

/** What both dialogs share: the client, the table, the list's message area and the page's error reporting. */
class StudentDialog {
  constructor(dialog, { client, table, listArea, reportError, keyAccepted }) {
    Object.assign(this, { dialog, client, table, listArea, reportError, keyAccepted });
    this.student = null;
    this.etag = null;
    this.loading = null;
    dialog.addEventListener('close', () => this.area.clear());
  }

  /** Reads the stored student and its ETag; false (and the dialog closed) when it is gone. */
  async readStored() {
    const id = this.student.studentid;
    try {
      const { student, etag } = await this.client.getStudent(id);
      this.keyAccepted();
      if (this.student?.studentid !== id) return false;
      this.student = student;
      this.etag = etag;
      this.table.update(student);
      return true;
    } catch (error) {
      if (error.kind === 'gone') this.gone(id);
      else this.reportError(this.area, error);
      return false;
    }
  }

  /** The student was deleted by someone else: says so under the list and closes. */
  gone(id) {
    const student = this.table.find(id) ?? this.student;
    this.table.remove(id);
    this.close();
    this.listArea.show({ tone: 'warning', title: () => t('student.gone', who(student)) });
    document.getElementById('students-heading')?.focus();
  }

  close() {
    if (this.dialog.open) this.dialog.close();
  }

  /** Puts focus back on the row's button of this action, or on the list heading when the row is gone. */
  refocus(action) {
    const id = this.student?.studentid;
    const row = [...document.querySelectorAll('#students-body tr')].find((tr) => tr.dataset.studentid === id);
    (row?.querySelector(`button[data-action='${action}']`) ?? document.getElementById('students-heading'))?.focus();
  }
}

/** The Edit dialog: the four fields of one student, saved with PUT and If-Match. */
export class EditDialog extends StudentDialog {
  constructor(options) {
    super(document.getElementById('edit-dialog'), options);
    this.area = new MessageArea(document.getElementById('edit-messages'), document.getElementById('edit-name'));
    this.form = document.getElementById('edit-form');
    this.fields = document.getElementById('edit-fields');
    this.save = document.getElementById('edit-save');
    this.title = document.getElementById('edit-title');
    this.idText = document.getElementById('edit-studentid');
    this.errors = options.fieldErrors;
    this.input('birthdate').max = localToday();
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    document.getElementById('edit-cancel').addEventListener('click', () => this.close());
    this.dialog.addEventListener('close', () => this.refocus('edit'));
  }

  input(field) {
    return document.getElementById(`edit-${field}`);
  }

  errorOf(field) {
    return document.getElementById(`edit-${field}-error`);
  }

  fill(student) {
    for (const field of EDITABLE) this.input(field).value = String(student[field] ?? '');
    this.render();
  }

  render() {
    if (!this.student) return;
    this.title.textContent = t('edit.title', who(this.student));
    this.idText.textContent = this.student.studentid;
  }

  clearErrors() {
    for (const field of EDITABLE) this.errors.clear(this.input(field), this.errorOf(field));
  }

  async open(student) {
    this.student = student;
    this.etag = null;
    this.clearErrors();
    this.area.clear();
    this.fill(student);
    this.fields.disabled = true;
    setBusy(this.save, true);
    this.dialog.showModal();
    const loaded = await this.readStored();
    setBusy(this.save, false);
    if (!loaded || !this.dialog.open) return;
    this.fields.disabled = false;
    this.fill(this.student);
    this.input('name').focus();
  }

  async submit() {
    if (isBusy(this.save) || !this.etag) return;
    const id = this.student.studentid;
    const values = Object.fromEntries(EDITABLE.map((field) => [field, this.input(field).value]));
    const { student, problems } = validateStudent({ ...values, studentid: id });
    this.clearErrors();
    if (this.showProblems(Object.entries(problems).map(([field, code]) => [field, fieldText(field, code)]))) {
      this.area.show({ tone: 'error', title: () => t('form.fix') });
      return;
    }
    const { studentid, ...changes } = student;
    setBusy(this.save, true);
    try {
      const saved = await this.client.updateStudent(studentid, changes, this.etag);
      this.keyAccepted();
      const stored = saved.student && typeof saved.student === 'object' ? saved.student : student;
      this.student = stored;
      this.table.update(stored);
      this.close();
      this.listArea.show({ tone: 'success', title: () => t('edit.saved', who(stored)) });
    } catch (error) {
      await this.refused(error);
    } finally {
      setBusy(this.save, false);
    }
  }

  async refused(error) {
    if (error.kind === 'changed') {
      if (await this.readStored()) {
        this.fill(this.student);
        this.area.show({ tone: 'warning', title: () => t('edit.changed', who(this.student)), detail: () => t('edit.changed.detail') });
        this.input('name').focus();
      }
    } else if (error.kind === 'gone') {
      this.gone(this.student.studentid);
    } else if (error.kind === 'invalid') {
      const problems = Object.entries(answerFieldErrors(error.body))
        .map(([field, problem]) => [field, fieldText(field, problem.code, problem.message)]);
      this.showProblems(problems);
      this.area.show({ tone: 'error', title: () => t('form.rejected'), detail: () => t('form.fix') });
    } else {
      this.reportError(this.area, error);
    }
  }

  /** Shows [field, text] problems at their fields and focuses the first; false when none is a field here. */
  showProblems(problems) {
    let first = null;
    for (const [field, text] of problems) {
      if (!EDITABLE.includes(field)) continue;
      this.errors.show(this.input(field), this.errorOf(field), text);
      first ??= this.input(field);
    }
    first?.focus();
    return first !== null;
  }
}

/** The Delete confirmation: names the student, deletes with DELETE and If-Match. */
export class DeleteDialog extends StudentDialog {
  constructor(options) {
    super(document.getElementById('delete-dialog'), options);
    this.confirmButton = document.getElementById('delete-confirm');
    this.cancel = document.getElementById('delete-cancel');
    this.area = new MessageArea(document.getElementById('delete-messages'), this.cancel);
    this.title = document.getElementById('delete-title');
    this.confirmButton.addEventListener('click', () => this.deleteConfirmed());
    this.cancel.addEventListener('click', () => this.close());
    this.dialog.addEventListener('close', () => {
      if (this.deleted) document.getElementById('students-heading')?.focus();
      else this.refocus('delete');
    });
  }

  render() {
    if (this.student) this.title.textContent = t('delete.title', who(this.student));
  }

  async open(student) {
    this.student = student;
    this.etag = null;
    this.deleted = false;
    this.area.clear();
    this.render();
    setBusy(this.confirmButton, true);
    this.dialog.showModal();
    this.cancel.focus();
    const loaded = await this.readStored();
    setBusy(this.confirmButton, false);
    if (loaded) this.render();
  }

  async deleteConfirmed() {
    if (isBusy(this.confirmButton) || !this.etag) return;
    const student = this.student;
    setBusy(this.confirmButton, true);
    try {
      await this.client.deleteStudent(student.studentid, this.etag);
      this.keyAccepted();
      this.deleted = true;
      this.table.remove(student.studentid);
      this.close();
      this.listArea.show({ tone: 'success', title: () => t('delete.done', who(student)) });
    } catch (error) {
      if (error.kind === 'changed') {
        if (await this.readStored()) {
          this.render();
          this.area.show({ tone: 'warning', title: () => t('delete.changed', who(this.student)), detail: () => t('delete.changed.detail') });
        }
      } else if (error.kind === 'gone') {
        this.gone(student.studentid);
      } else {
        this.reportError(this.area, error);
      }
    } finally {
      setBusy(this.confirmButton, false);
    }
  }
}
