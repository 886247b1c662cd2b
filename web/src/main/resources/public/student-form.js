// The "Add a student" form: checks the fields as the server would, saves, and shows the server's answer by its code.

import { isBusy, setBusy } from './controls.js';
import { t } from './i18n.js';
import { answerText, codeOf, fieldErrors, problemText } from './answers.js';
import { FIELDS, MAX_LENGTH, localToday, validateStudent } from './validate.js';

/** The text of a field code (the page's own check or the server's) at that field. */
const fieldText = (field, code, message = '') => problemText({ code, message }, MAX_LENGTH[field] ?? '');

export class StudentForm {
  /**
   * form, save: the form and its Save Student button; area: its MessageArea; client: the API client;
   * table: the StudentTable; fieldErrors: the page's FieldErrors; hasKey(), reportError(area, error),
   * keyAccepted() and reload(): the page's handling of the key and the list.
   */
  constructor({ form, save, area, client, table, fieldErrors, hasKey, reportError, keyAccepted, reload }) {
    Object.assign(this, { form, save, area, client, table, fieldErrors, hasKey, reportError, keyAccepted, reload });
    this.input('birthdate').max = localToday();
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    form.addEventListener('input', (event) => this.recheck(event.target));
    form.addEventListener('change', (event) => this.recheck(event.target));
  }

  input(field) {
    return this.form.elements.namedItem(field);
  }

  errorOf(field) {
    return document.getElementById(`${field}-error`);
  }

  /** Client checks can be switched off (data-client-checks="off"), as for a client behind the server's rules. */
  get clientChecks() {
    return this.form.dataset.clientChecks !== 'off';
  }

  values() {
    return Object.fromEntries(FIELDS.map((field) => [field, this.input(field).value]));
  }

  clearErrors() {
    for (const field of FIELDS) this.fieldErrors.clear(this.input(field), this.errorOf(field));
  }

  /** Shows [field, text] problems at their fields and focuses the first; false when none is a field. */
  showProblems(problems) {
    let first = null;
    for (const [field, text] of problems) {
      const input = FIELDS.includes(field) ? this.input(field) : null;
      if (!input) continue;
      this.fieldErrors.show(input, this.errorOf(field), text);
      first ??= input;
    }
    first?.focus();
    return first !== null;
  }

  async submit() {
    if (isBusy(this.save)) return;
    const { student, problems } = validateStudent(this.values());
    this.clearErrors();
    if (this.clientChecks && Object.keys(problems).length > 0) {
      this.showProblems(Object.entries(problems).map(([field, code]) => [field, fieldText(field, code)]));
      this.area.show({ tone: 'error', title: () => t('form.fix') });
      return;
    }
    if (!this.hasKey()) {
      this.reportError(this.area, { kind: 'missing-key' });
      return;
    }
    setBusy(this.save, true);
    try {
      this.saved(await this.client.saveStudent(student), student);
    } catch (error) {
      this.refused(error, student);
    } finally {
      setBusy(this.save, false);
    }
  }

  saved(answer, sent) {
    const student = answer.student && typeof answer.student === 'object' ? answer.student : sent;
    this.keyAccepted();
    if (this.table.mode === 'server') this.reload(); // a server page shows where the student lands
    else if (this.table.state === 'loaded' || this.table.state === 'loading') this.table.add(student);
    else this.reload();
    this.form.reset();
    this.input('studentid').focus();
    this.area.show({
      tone: codeOf(answer) === 'STUDENT_SAVED_MAIL_FAILED' ? 'warning' : 'success',
      title: () => t('form.saved', { name: student.name, id: student.studentid }),
      detail: answerText(answer),
    });
  }

  refused(error, sent) {
    if (error.kind === 'invalid') {
      const atFields = this.showProblems(Object.entries(fieldErrors(error.body)).map(([field, problem]) =>
        [field, fieldText(field, problem.code, problem.message)]));
      this.area.show({
        tone: 'error',
        title: () => t('form.rejected'),
        detail: atFields ? () => t('form.fix') : answerText(error.body),
      });
    } else if (error.kind === 'conflict') {
      this.showProblems([['studentid', () => t('code.DUPLICATE_STUDENT_ID')]]);
      this.area.show({ tone: 'error', title: () => t('form.duplicate', { id: sent.studentid }) });
    } else {
      this.reportError(this.area, error);
    }
  }

  /** Re-checks a field as it is corrected, once it has been marked invalid. */
  recheck(input) {
    if (!FIELDS.includes(input.name) || input.getAttribute('aria-invalid') !== 'true' || !this.clientChecks) return;
    const problem = validateStudent(this.values()).problems[input.name];
    if (problem) this.fieldErrors.show(input, this.errorOf(input.name), fieldText(input.name, problem));
    else this.fieldErrors.clear(input, this.errorOf(input.name));
  }
}
