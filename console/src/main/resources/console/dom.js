// Small DOM helpers: elements built with textContent only, field errors, page messages, dates.
import { t, language } from './i18n.js';

export const $ = (selector, root = document) => root.querySelector(selector);

export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = value;
    else if (name === 'class') node.className = value;
    else if (name === 'on') for (const [event, handler] of Object.entries(value)) node.addEventListener(event, handler);
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return node;
}

/** Shows `message` next to the control `id` (its error paragraph is `${id}-error`). */
export function fieldError(id, message) {
  const control = document.getElementById(id);
  const error = document.getElementById(`${id}-error`);
  if (control && control.matches('input, select, textarea')) control.setAttribute('aria-invalid', 'true');
  if (error) {
    error.textContent = message;
    error.hidden = false;
  }
}

export function clearErrors(form) {
  for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
  for (const error of form.querySelectorAll('.field-error')) {
    error.textContent = '';
    error.hidden = true;
  }
}

/** Focuses the first control marked invalid in `form`. */
export function focusFirstError(form) {
  const invalid = form.querySelector('[aria-invalid="true"]');
  if (invalid) invalid.focus();
}

export function say(kind, text) {
  const box = $('#messages');
  box.replaceChildren(el('p', { class: `message message-${kind}`, role: kind === 'error' ? 'alert' : null, text }));
}

export function clearMessages() {
  $('#messages').replaceChildren();
}

export function when(epochSeconds) {
  if (epochSeconds === undefined || epochSeconds === null) return '';
  return new Date(epochSeconds * 1000).toLocaleString(language() === 'vi' ? 'vi-VN' : 'en-GB',
    { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';
}

export function never() {
  return t('common.never');
}

/** The message to show for a refusal: the control plane's own, else a generic one by status. */
export function refusalText(error) {
  if (error.status === 0) return t('error.network');
  if (error.status === 429 && error.retryAfter) return t('error.retryAfter', { seconds: error.retryAfter });
  return error.message || t('error.generic', { status: error.status });
}

export function isoDay(date) {
  return date.toISOString().slice(0, 10);
}
