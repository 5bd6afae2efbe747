import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import '@confab/elements/all.js';
import manifest from '../packages/elements/custom-elements.json';

type Member = { name: string; privacy?: string; static?: boolean };
type Declaration = { members?: Member[] };

/** The manifest with only the public API: the analyzer lists private and protected members (`#room`, `t`) too. */
function publicOnly(cem: typeof manifest): typeof manifest {
  const isPublic = (m: Member) => !m.privacy && !m.static && !m.name.startsWith('#');
  const modules = cem.modules.map((module) => ({
    ...module,
    declarations: (module.declarations as Declaration[] | undefined)?.map((d) =>
      d.members ? { ...d, members: d.members.filter(isPublic) } : d,
    ),
  }));
  return { ...cem, modules } as typeof manifest;
}

// Docs pages list each element's attributes, properties, events, parts, slots and CSS custom properties.
setCustomElementsManifest(publicOnly(manifest));

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    layout: 'fullscreen',
    // Every story is checked with axe, in Storybook's panel and in `npm run test:stories`; a violation fails.
    a11y: { test: 'error' },
    controls: { expanded: true },
    docs: { toc: true },
  },
};

export default preview;
