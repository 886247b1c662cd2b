// Inline, dismissible messages instead of modal dialogs. Their texts are functions, so that a message on
// screen is rewritten when the language changes.

import { t } from './i18n.js';

const ICONS = { success: '✓', info: 'i', warning: '!', error: '!' };

/** A place on the page where messages about one kind of action appear, one at a time. */
export class MessageArea {
  /** returnFocus: where keyboard focus goes when a message is dismissed. */
  constructor(element, returnFocus) {
    this.element = element;
    this.returnFocus = returnFocus;
    this.current = null;
  }

  /**
   * Shows a message, replacing the one before.
   * message: { tone: 'success'|'info'|'warning'|'error', title: () => string, detail?: () => string,
   *            facts?: [{ label: () => string, value: () => string, wide?: boolean }],
   *            link?: { href, text: () => string } }
   */
  show(message) {
    this.current = message;
    this.render();
  }

  clear() {
    this.current = null;
    this.element.replaceChildren();
  }

  render() {
    const message = this.current;
    if (!message) {
      this.element.replaceChildren();
      return;
    }
    const tone = message.tone;
    const box = document.createElement('div');
    box.className = `message message-${tone}`;
    box.setAttribute('role', tone === 'error' || tone === 'warning' ? 'alert' : 'status');
    box.dataset.tone = tone;

    const icon = document.createElement('span');
    icon.className = 'message-icon';
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = ICONS[tone] ?? 'i';

    const body = document.createElement('div');
    body.className = 'message-body';
    const title = document.createElement('p');
    title.className = 'message-title';
    title.textContent = message.title();
    body.append(title);
    const detail = message.detail?.();
    if (detail) {
      const p = document.createElement('p');
      p.className = 'message-detail';
      p.textContent = detail;
      body.append(p);
    }
    if (message.facts?.length) {
      const list = document.createElement('dl');
      list.className = 'message-facts';
      for (const { label, value, wide = false } of message.facts) {
        const fact = document.createElement('div');
        fact.className = wide ? 'message-fact col-span-2' : 'message-fact';
        const dt = document.createElement('dt');
        dt.textContent = label();
        const dd = document.createElement('dd');
        dd.textContent = value();
        fact.append(dt, dd);
        list.append(fact);
      }
      body.append(list);
    }
    if (message.link) {
      const a = document.createElement('a');
      a.className = 'btn btn-primary mt-2 w-full';
      a.href = message.link.href;
      a.rel = 'noopener noreferrer';
      a.textContent = message.link.text();
      body.append(a);
    }

    const dismiss = document.createElement('button');
    dismiss.type = 'button';
    dismiss.className = 'message-dismiss';
    dismiss.setAttribute('aria-label', t('message.dismiss'));
    const cross = document.createElement('span');
    cross.setAttribute('aria-hidden', 'true');
    cross.textContent = '×';
    dismiss.append(cross);
    dismiss.addEventListener('click', () => {
      const hadFocus = box.contains(document.activeElement);
      this.clear();
      if (hadFocus) this.returnFocus?.focus();
    });

    box.append(icon, body, dismiss);
    this.element.replaceChildren(box);
  }
}
