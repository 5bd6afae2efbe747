import { css } from 'lit';

export const chatPinsStyles = css`
  :host {
    display: block;
    min-width: 0;
    background: var(--_bg);
  }
  section {
    display: flex;
    flex-direction: column;
    max-height: min(50vh, 420px);
  }
  .head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    padding: calc(var(--_space) / 2) var(--_space);
  }
  h3 {
    margin: 0;
    font-size: 1em;
  }
  ul {
    overflow-y: auto;
  }
  .pin {
    display: flex;
    align-items: flex-start;
    gap: var(--_space);
    padding: calc(var(--_space) / 2) var(--_space);
    border-top: 1px solid var(--_border);
  }
  .open {
    flex: 1;
    min-width: 0;
    display: flex;
    flex-direction: column;
    gap: 2px;
    text-align: start;
    border: 0;
    background: none;
    padding: 2px;
    cursor: pointer;
    border-radius: var(--_radius);
  }
  .open:hover {
    background: var(--_surface);
  }
  .text {
    overflow-wrap: anywhere;
  }
  .empty,
  .error {
    margin: 0;
    padding: var(--_space);
    color: var(--_muted);
  }
  .error {
    color: var(--_danger);
  }
`;
