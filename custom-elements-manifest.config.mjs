// Generates packages/elements/custom-elements.json from the elements' JSDoc (@fires, @slot, @csspart,
// @cssproperty, @tagname). Our events are classes, so the analyzer's guesses from `dispatchEvent(new X(…))`
// are dropped in favour of the documented `@fires` entries.
export default {
  globs: ['packages/elements/src/**/*.component.ts', 'packages/elements/src/shared/chat-element.ts'],
  outdir: 'packages/elements',
  litelement: true,
  plugins: [
    {
      name: 'confab-documented-events',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((e) => e.name?.startsWith('chat-'));
          }
        }
      },
    },
  ],
};
