// axe-core ships as UMD, which the dev server does not turn into ESM: importing it for its effect
// installs `window.axe`.
import 'axe-core';
import type Axe from 'axe-core';

declare global {
  interface Window {
    axe: typeof Axe;
  }
}

/** Runs axe on an element (its open shadow roots included) and fails listing every violation. */
export async function expectAccessible(element: Element, label: string): Promise<void> {
  const { violations } = await window.axe.run(element, { resultTypes: ['violations'] });
  if (!violations.length) return;
  const report = violations
    .map((v) => {
      const nodes = v.nodes.map((n) =>
        `    ${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`.replace(/\n/g, ' '),
      );
      return `  ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n${nodes.join('\n')}`;
    })
    .join('\n');
  throw new Error(`axe found ${violations.length} violation(s) in ${label}:\n${report}`);
}
