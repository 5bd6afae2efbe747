/**
 * Keyboard for an open `role="menu"` in `root`: arrows, Home and End move between its items (wrapping), Escape
 * calls `close` (focus goes back to the opener), Tab calls `leave` (focus moves on). Other keys pass.
 */
export function handleMenuKey(
  root: ShadowRoot | null,
  event: KeyboardEvent,
  actions: { close: () => void; leave: () => void },
): void {
  const items = [...(root?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  const at = items.indexOf(root?.activeElement as HTMLElement);
  const go = (index: number) => items[(index + items.length) % items.length]?.focus();
  if (event.key === 'ArrowDown') go(at + 1);
  else if (event.key === 'ArrowUp') go(at - 1);
  else if (event.key === 'Home') go(0);
  else if (event.key === 'End') go(items.length - 1);
  else if (event.key === 'Escape') actions.close();
  else if (event.key === 'Tab') actions.leave();
  else return;
  if (event.key !== 'Tab') event.preventDefault();
}
