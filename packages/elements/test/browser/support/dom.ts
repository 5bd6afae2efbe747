import type { ChatMessageElement } from '../../../src/chat-message/chat-message.component.js';

/** Every element matching `selector` in `root` and in the open shadow roots below it. */
export function deepQueryAll<T extends Element = HTMLElement>(
  root: Element | ShadowRoot | Document,
  selector: string,
): T[] {
  const found: T[] = [];
  const visit = (node: Element | ShadowRoot | Document) => {
    if (node instanceof Element && node.matches(selector)) found.push(node as unknown as T);
    if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
    for (const child of node.children) visit(child);
  };
  visit(root);
  return found;
}

/** The focused element, looking into shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The accessible name of the focused element, or what else has focus (for readable failures). */
export function focusedName(): string {
  const active = deepActiveElement();
  if (!active || active === document.body) return '(nothing focused)';
  return accessibleName(active);
}

/**
 * The accessible name as the elements give it: `aria-label`, else `aria-labelledby` (in the same
 * tree), else the text content. Enough for these elements, which use nothing else.
 */
export function accessibleName(element: Element): string {
  const label = element.getAttribute('aria-label');
  if (label !== null) return label.trim();
  const by = element.getAttribute('aria-labelledby');
  const root = element.getRootNode() as Document | ShadowRoot;
  if (by)
    return by
      .split(/\s+/)
      .map((id) => root.getElementById(id)?.textContent?.trim() ?? '')
      .join(' ');
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Elements of a role (explicit, or implicit for the tags these elements use) and accessible name. */
export function byRole<T extends Element = HTMLElement>(
  root: Element | Document,
  role: string,
  name?: string | RegExp,
) {
  const implicit: Record<string, string> = {
    button: 'button',
    textbox: 'textarea, input:not([type])',
    article: 'article',
    heading: 'h1, h2, h3',
    link: 'a[href]',
    progressbar: 'progress',
  };
  const selector = implicit[role] ? `[role="${role}"], ${implicit[role]}` : `[role="${role}"]`;
  return deepQueryAll<T>(root, selector).filter((el) => {
    const explicit = el.getAttribute('role');
    if (explicit && explicit !== role) return false;
    if (name === undefined) return true;
    const actual = accessibleName(el);
    return typeof name === 'string' ? actual === name : name.test(actual);
  });
}

/** The one element of a role and name; fails when there is none or more than one. */
export function getByRole<T extends Element = HTMLElement>(
  root: Element | Document,
  role: string,
  name?: string | RegExp,
) {
  const found = byRole<T>(root, role, name);
  if (found.length !== 1) throw new Error(`expected one ${role} named ${String(name)}, found ${found.length}`);
  return found[0]!;
}

/** The message rows shown inside `root` (a window, thread, list or room). */
export const messageRows = (root: Element): ChatMessageElement[] =>
  deepQueryAll<ChatMessageElement>(root, 'chat-message');

/** The visible text of a message's body. */
export const bodyText = (row: ChatMessageElement): string =>
  row.shadowRoot?.querySelector('[part="body"]')?.textContent?.trim() ?? '';

/** The row showing a message whose body is exactly `text`, if any. */
export const rowWithText = (root: Element, text: string): ChatMessageElement | undefined =>
  messageRows(root).find((row) => bodyText(row) === text);

/**
 * The text a user sees in `root`, following the composed tree: into shadow roots, through slots to what
 * they show (their assigned nodes, or their fallback), skipping what is not rendered.
 */
export function visibleText(root: Element): string {
  const parts: string[] = [];
  const visit = (node: Node) => {
    if (node instanceof Text) parts.push(node.data);
    else if (node instanceof HTMLSlotElement) {
      const shown = node.assignedNodes();
      for (const child of shown.length ? shown : node.childNodes) visit(child);
    } else if (node instanceof Element && node.checkVisibility()) {
      for (const child of node.shadowRoot?.childNodes ?? node.childNodes) visit(child);
    }
  };
  visit(root);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
