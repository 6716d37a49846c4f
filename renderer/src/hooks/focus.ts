/**
 * Moves the keyboard focus to `ref` when a shortcut asks for `target` (Shift+N the note field,
 * C the disposition, B the board). Requests made before the element mounted are ignored.
 */
import { useEffect, useRef, type RefObject } from 'react';
import type { FocusTarget } from '../store/ui-store';
import { useUi } from './runtime';

export function useFocusRequest(target: FocusTarget, ref: RefObject<HTMLElement | null>): void {
  const focus = useUi((s) => s.focus);
  const seen = useRef(focus?.n ?? 0);
  useEffect(() => {
    if (!focus || focus.n === seen.current) return;
    seen.current = focus.n;
    if (focus.target === target) ref.current?.focus();
  }, [focus, target, ref]);
}
