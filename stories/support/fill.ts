import type { Decorator } from '@storybook/web-components-vite';
import { html } from 'lit';

/**
 * Gives a story a column to fill: the whole viewport on its own, a fixed height on a docs page (where a
 * viewport-high preview per story would be far too tall). The story's element takes `flex: 1`.
 */
export const fill: Decorator = (story, { viewMode }) =>
  html`<div style="display: flex; flex-direction: column; height: ${viewMode === 'docs' ? '560px' : '100vh'}">${story()}</div>`;

/** The style of the element that fills the column. */
export const FILL = 'flex: 1; min-height: 0';

/** The style of a wrapper (a theme, a direction) that passes the column on. */
export const PASS_ON = 'flex: 1; min-height: 0; display: flex; flex-direction: column';
