/** Keyboard handlers shared by lists and forms. */
import type { KeyboardEvent } from 'react';

/**
 * ↑/↓ in a list of rows whose `<li>` each hold a button: focus moves to the next or previous
 * row's button. For the `onKeyDown` of the `<ol>`/`<ul>`.
 */
export function moveFocusInList(e: KeyboardEvent<HTMLElement>): void {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const li = (e.target as HTMLElement).closest('li');
  const next = e.key === 'ArrowDown' ? li?.nextElementSibling : li?.previousElementSibling;
  next?.querySelector<HTMLElement>('button')?.focus();
  e.preventDefault();
}

/**
 * Inputs submit a form on Enter natively; this makes selects and text areas do the same (Shift+Enter
 * still starts a new line in a text area). For the `onKeyDown` of the `<form>`.
 */
export function submitOnEnter(e: KeyboardEvent<HTMLFormElement>): void {
  const tag = (e.target as HTMLElement).tagName;
  if (e.key === 'Enter' && !e.shiftKey && (tag === 'SELECT' || tag === 'TEXTAREA')) {
    e.preventDefault();
    e.currentTarget.requestSubmit();
  }
}
