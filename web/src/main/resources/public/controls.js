// What the page shows on its controls: an error under a field, and a button busy with its request.

/** Errors shown under fields; their texts are functions, rewritten when the language changes. */
export class FieldErrors {
  constructor() {
    this.shown = new Map(); // error element -> () => text
  }

  show(input, errorElement, text) {
    this.shown.set(errorElement, text);
    errorElement.textContent = text();
    errorElement.hidden = false;
    input.setAttribute('aria-invalid', 'true');
  }

  clear(input, errorElement) {
    this.shown.delete(errorElement);
    errorElement.textContent = '';
    errorElement.hidden = true;
    input.removeAttribute('aria-invalid');
  }

  render() {
    for (const [element, text] of this.shown) element.textContent = text();
  }
}

/**
 * Marks a button busy (spinner, aria-busy). It stays focusable, unlike a disabled button, so a keyboard
 * user keeps their place; handlers check isBusy instead.
 */
export function setBusy(button, busy) {
  button.setAttribute('aria-busy', String(busy));
  if (busy) button.setAttribute('aria-disabled', 'true');
  else button.removeAttribute('aria-disabled');
}

export const isBusy = (button) => button.getAttribute('aria-busy') === 'true';
