import { css } from 'lit';

export const chatSearchStyles = css`
  :host {
    display: block;
    position: relative;
    min-width: 0;
  }
  form {
    display: flex;
  }
  input {
    flex: 1;
    min-width: 0;
    box-sizing: border-box;
    padding: 4px 8px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .results {
    margin-top: calc(var(--_space) / 2);
    max-height: min(60vh, 420px);
    overflow-y: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  [role='option'] {
    display: flex;
    flex-direction: column;
    gap: 2px;
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-bottom: 1px solid var(--_border);
    cursor: pointer;
  }
  [role='option']:hover,
  [role='option'][aria-selected='true'] {
    background: var(--_surface);
  }
  [role='option'][aria-selected='true'] {
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }
  .channel {
    font-weight: 600;
    color: var(--_text);
  }
  .snippet {
    overflow-wrap: anywhere;
  }
  mark {
    background: var(--_highlight);
    color: inherit;
    border-radius: 2px;
  }
  .state {
    margin: 0;
    padding: var(--_space);
    color: var(--_muted);
  }
  .state.error {
    color: var(--_danger);
  }
  .more {
    display: block;
    margin: var(--_space) auto;
  }
  [hidden] {
    display: none;
  }
`;
