// The student list, rendered as text. Small lists are held whole in the page (search, sort and 25-row pages
// here); a large one is shown a server page at a time ('server' mode: the page's loader fetches each page).

import { FIELDS } from './validate.js';
import { t, language } from './i18n.js';
import { PAGE_SIZE, filterStudents, paginate, sortStudents } from './list-rules.js';

/** Renders the table, count, empty state and pager from the state it is given. */
export class StudentTable {
  /** onEdit(student), onDelete(student): what the row's Edit and Delete buttons do. */
  constructor(root, { onEdit = () => {}, onDelete = () => {} } = {}) {
    this.root = root;
    this.onEdit = onEdit;
    this.onDelete = onDelete;
    this.body = root.querySelector('#students-body');
    this.table = root.querySelector('#students-table');
    this.count = root.querySelector('#student-count');
    this.empty = root.querySelector('#empty-state');
    this.emptyTitle = root.querySelector('#empty-title');
    this.emptyDetail = root.querySelector('#empty-detail');
    this.pager = root.querySelector('#pagination');
    this.pageInfo = root.querySelector('#page-info');
    this.prev = root.querySelector('#prev-page');
    this.next = root.querySelector('#next-page');
    this.region = root.querySelector('#table-region');
    this.students = [];
    this.state = 'no-key'; // 'no-key' | 'loading' | 'loaded' | 'failed'
    this.query = '';
    this.className = '';
    this.mode = 'all'; // 'all': every student is held here | 'server': one server page, this.serverPage
    this.serverPage = { number: 1, from: 1, hasNext: false };
    this.onServerPage = () => {};
    this.column = 'studentid';
    this.direction = 'ascending';
    this.page = 1;
    this.highlight = null;
    this.addedWhileLoading = new Map();

    for (const button of root.querySelectorAll('button[data-sort]')) {
      button.addEventListener('click', () => this.sortBy(button.dataset.sort));
    }
    this.prev.addEventListener('click', () => (this.mode === 'server' ? this.onServerPage(-1) : this.goTo(this.page - 1)));
    this.next.addEventListener('click', () => (this.mode === 'server' ? this.onServerPage(1) : this.goTo(this.page + 1)));
    this.body.addEventListener('click', (event) => this.rowAction(event));
  }

  /** Shows that a load is running; rows already shown stay until the answer arrives. */
  startLoading() {
    this.addedWhileLoading = new Map();
    this.region.setAttribute('aria-busy', 'true');
    if (this.state !== 'loaded') this.state = 'loading';
    this.render();
  }

  /** A load failed: keeps rows already shown, else shows the failure as the empty state. */
  loadFailed() {
    this.region.setAttribute('aria-busy', 'false');
    if (this.state !== 'loaded') this.state = 'failed';
    this.render();
  }

  /** Forgets every student, as when the key is removed. */
  clear() {
    this.students = [];
    this.addedWhileLoading = new Map();
    this.state = 'no-key';
    this.highlight = null;
    this.region.setAttribute('aria-busy', 'false');
    this.render();
  }

  /** Shows the students loaded; one saved while the load ran is kept even if the answer predates it. */
  setStudents(students) {
    this.mode = 'all';
    const loaded = students.filter((s) => s && typeof s === 'object');
    const ids = new Set(loaded.map((s) => s.studentid));
    this.students = [...loaded, ...[...this.addedWhileLoading.values()].filter((s) => !ids.has(s.studentid))];
    this.addedWhileLoading = new Map();
    this.state = 'loaded';
    this.region.setAttribute('aria-busy', 'false');
    this.render();
  }

  /**
   * Shows one page of a large list as the server sent it (filtered and ordered there): page is
   * { number, from, hasNext }; onPage(step) is called with -1 or +1 by Previous and Next.
   */
  setServerPage(students, page, onPage) {
    this.mode = 'server';
    this.students = students.filter((s) => s && typeof s === 'object');
    this.serverPage = page;
    this.onServerPage = onPage;
    this.addedWhileLoading = new Map();
    this.state = 'loaded';
    this.region.setAttribute('aria-busy', 'false');
    this.render();
  }

  /** Shows a student's stored version in its row, highlighted. */
  update(student) {
    this.students = this.students.map((s) => (s.studentid === student.studentid ? student : s));
    this.highlight = student.studentid;
    this.render();
  }

  /** Takes a student out of the list. */
  remove(studentid) {
    this.students = this.students.filter((s) => s.studentid !== studentid);
    this.addedWhileLoading.delete(studentid);
    this.render();
  }

  find(studentid) {
    return this.students.find((s) => s.studentid === studentid) ?? null;
  }

  /** The filters as the user typed them, for the server: { q, className }. */
  filters() {
    return { q: this.query.trim(), className: this.className.trim() };
  }

  rowAction(event) {
    const button = event.target.closest('button[data-action]');
    const student = button && this.find(button.closest('tr')?.dataset.studentid);
    if (!student) return;
    if (button.dataset.action === 'edit') this.onEdit(student);
    else this.onDelete(student);
  }

  /** Adds (or replaces) one student and shows the page it lands on, highlighted. */
  add(student) {
    this.addedWhileLoading.set(student.studentid, student);
    this.students = [...this.students.filter((s) => s.studentid !== student.studentid), student];
    this.state = 'loaded';
    this.highlight = student.studentid;
    const rows = this.visibleRows();
    const index = rows.findIndex((s) => s.studentid === student.studentid);
    if (index >= 0) this.page = Math.floor(index / PAGE_SIZE) + 1;
    this.render();
  }

  search(query) {
    this.query = query;
    this.page = 1;
    this.render();
  }

  filterClass(className) {
    this.className = className;
    this.page = 1;
    this.render();
  }

  sortBy(column) {
    if (this.mode === 'server') return; // a server page is ordered by Student ID
    if (this.column === column) {
      this.direction = this.direction === 'ascending' ? 'descending' : 'ascending';
    } else {
      this.column = column;
      this.direction = 'ascending';
    }
    this.render();
  }

  goTo(page) {
    this.page = page;
    this.render();
    this.body.closest('section')?.querySelector('h2')?.scrollIntoView?.({ block: 'nearest' });
  }

  visibleRows() {
    if (this.mode === 'server') return this.students;
    return sortStudents(filterStudents(this.students, this.query, this.className), this.column, this.direction, language());
  }

  render() {
    const server = this.mode === 'server';
    for (const th of this.table.querySelectorAll('th[data-column]')) {
      const sortedHere = server ? th.dataset.column === 'studentid' : th.dataset.column === this.column;
      if (sortedHere) th.setAttribute('aria-sort', server ? 'ascending' : this.direction);
      else th.removeAttribute('aria-sort');
      const button = th.querySelector('button.sort');
      if (server) button.setAttribute('aria-disabled', 'true');
      else button.removeAttribute('aria-disabled');
    }
    const rows = this.visibleRows();
    if (server) {
      this.renderServerPage(rows);
      return;
    }
    const view = paginate(rows, this.page);
    this.page = view.page;
    this.renderRows(view.rows);
    this.renderCount(rows.length);
    this.renderEmpty(rows.length);
    this.pager.hidden = this.state !== 'loaded' || view.pages <= 1;
    this.pageInfo.textContent = t('pager.info', { from: view.from, to: view.to, total: rows.length, page: view.page, pages: view.pages });
    this.prev.disabled = view.page <= 1;
    this.next.disabled = view.page >= view.pages;
  }

  renderServerPage(rows) {
    const { number, from, hasNext } = this.serverPage;
    const to = from + rows.length - 1;
    this.renderRows(rows);
    this.count.textContent = rows.length === 0 ? '' : t('list.count.server', { from, to });
    this.renderEmpty(rows.length);
    this.pager.hidden = number <= 1 && !hasNext;
    this.pageInfo.textContent = t('pager.info.server', { from, to, page: number });
    this.prev.disabled = number <= 1;
    this.next.disabled = !hasNext;
  }

  renderRows(rows) {
    const labels = Object.fromEntries(FIELDS.map((field) => [field, t(`field.${field}`)]));
    const fragment = document.createDocumentFragment();
    for (const student of rows) {
      const tr = document.createElement('tr');
      tr.dataset.studentid = String(student.studentid ?? '');
      if (student.studentid === this.highlight) tr.classList.add('is-new');
      for (const field of FIELDS) {
        const td = document.createElement('td');
        td.dataset.column = field;
        td.dataset.label = labels[field];
        td.textContent = String(student[field] ?? '');
        tr.append(td);
      }
      tr.append(this.actionsCell(student));
      fragment.append(tr);
    }
    this.body.replaceChildren(fragment);
    this.table.hidden = this.state !== 'loaded' || rows.length === 0;
  }

  /** The Edit and Delete buttons of a row, each named with the student (its visible word first). */
  actionsCell(student) {
    const td = document.createElement('td');
    td.dataset.column = 'actions';
    td.dataset.label = t('list.actions');
    const who = { name: String(student.name ?? ''), id: String(student.studentid ?? '') };
    for (const [action, style] of [['edit', 'btn-secondary'], ['delete', 'btn-danger-quiet']]) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = `btn btn-small ${style}`;
      button.dataset.action = action;
      button.textContent = t(`row.${action}`);
      button.setAttribute('aria-label', t(`row.${action}.label`, who));
      td.append(button);
    }
    return td;
  }

  renderCount(shown) {
    const total = this.students.length;
    if (this.state !== 'loaded') {
      this.count.textContent = this.state === 'loading' ? t('list.loading') : '';
    } else if ((this.query.trim() || this.className.trim()) && shown !== total) {
      this.count.textContent = t('list.count.filtered', { shown, total });
    } else {
      this.count.textContent = t(total === 1 ? 'list.count.one' : 'list.count.other', { count: total });
    }
  }

  renderEmpty(shown) {
    let title = null;
    let detail = '';
    if (this.state === 'no-key') {
      [title, detail] = [t('list.nokey.title'), t('list.nokey.detail')];
    } else if (this.state === 'loading') {
      title = t('list.loading');
    } else if (this.state === 'failed') {
      [title, detail] = [t('list.failed.title'), t('list.failed.detail')];
    } else if (this.mode === 'server' && shown === 0) {
      [title, detail] = this.query.trim() || this.className.trim()
        ? [t('list.nomatch.title', { query: [this.query.trim(), this.className.trim()].filter(Boolean).join(' · ') }), t('list.nomatch.detail')]
        : [t('list.empty.title'), t('list.empty.detail')];
    } else if (this.students.length === 0) {
      [title, detail] = [t('list.empty.title'), t('list.empty.detail')];
    } else if (shown === 0) {
      const query = [this.query.trim(), this.className.trim()].filter(Boolean).join(' · ');
      [title, detail] = [t('list.nomatch.title', { query }), t('list.nomatch.detail')];
    }
    this.empty.hidden = title === null;
    this.emptyTitle.textContent = title ?? '';
    this.emptyDetail.textContent = detail;
  }
}
