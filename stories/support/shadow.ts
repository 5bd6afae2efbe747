// Play-function helpers: the elements render into shadow roots, which Testing Library's queries do not enter.
import { waitFor } from 'storybook/test';

/** Every element matching `selector` under `root`, looking inside open shadow roots too. */
export function deepQueryAll<E extends Element = HTMLElement>(root: ParentNode, selector: string): E[] {
  const found: E[] = [...root.querySelectorAll<E>(selector)];
  const hosts = [...root.querySelectorAll('*')];
  if (root instanceof Element) hosts.unshift(root);
  for (const el of hosts) if (el.shadowRoot) found.push(...deepQueryAll<E>(el.shadowRoot, selector));
  return found;
}

/** Waits for the first element matching `selector` (and `test`, when given) under `root`, shadow roots included. */
export function findDeep<E extends Element = HTMLElement>(
  root: ParentNode,
  selector: string,
  test: (el: E) => boolean = () => true,
): Promise<E> {
  return waitFor(
    () => {
      const el = deepQueryAll<E>(root, selector).find(test);
      if (!el) throw new Error(`Nothing matches ${selector}`);
      return el;
    },
    { timeout: 5000 },
  );
}

/** Waits for a button by its accessible text (its `aria-label`, or its text). */
export function findButton(root: ParentNode, name: string | RegExp): Promise<HTMLButtonElement> {
  const matches = (text: string) => (typeof name === 'string' ? text.trim() === name : name.test(text));
  return findDeep<HTMLButtonElement>(root, 'button, [role="option"]', (b) =>
    matches(b.getAttribute('aria-label') ?? b.textContent ?? ''),
  );
}

/** The text of the messages shown under `root`, in order. */
export function messageTexts(root: ParentNode): string[] {
  return deepQueryAll(root, '[part~="body"]').map((el) => el.textContent?.trim() ?? '');
}
