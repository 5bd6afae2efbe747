import { css } from 'lit';

/**
 * The frame shared by the window and the side panels: a column with a header bar. The bar is no `<header>`:
 * inside a page it would be a second banner landmark, and two of them with a thread open.
 */
export const paneStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    height: 100%;
    background: var(--_bg);
  }
  .bar {
    display: flex;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-bottom: 1px solid var(--_border);
  }
  h2 {
    font-size: 1.05em;
    margin: 0;
  }
`;
