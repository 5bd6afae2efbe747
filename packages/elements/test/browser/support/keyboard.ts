import { sendKeys } from '@web/test-runner-commands';
import { deepActiveElement, focusedName } from './dom.js';

/** Presses a key in the browser (a real key event, not a synthetic one). */
export const press = (key: string): Promise<void> => sendKeys({ press: key });

/** Types text with real key events into the focused element. */
export const type = (text: string): Promise<void> => sendKeys({ type: text });

/** Presses Shift+Tab. */
export async function shiftTab(): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

/**
 * Moves focus with Tab (or Shift+Tab) until the focused element satisfies `wanted`, and returns it;
 * fails after `max` presses, naming where focus went.
 */
export async function tabTo(
  wanted: (element: Element) => boolean,
  what: string,
  { backwards = false, max = 30 } = {},
): Promise<HTMLElement> {
  const visited: string[] = [];
  for (let i = 0; i < max; i++) {
    await (backwards ? shiftTab() : press('Tab'));
    const active = deepActiveElement();
    if (active && wanted(active)) return active as HTMLElement;
    visited.push(`${active?.localName ?? ''} "${focusedName()}"`);
  }
  throw new Error(
    `${what} was not reached with ${backwards ? 'Shift+Tab' : 'Tab'}; focus went to ${visited.join(', ')}`,
  );
}
