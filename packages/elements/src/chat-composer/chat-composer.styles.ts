import { css } from 'lit';

export const chatComposerStyles = css`
  :host {
    display: block;
  }
  form {
    display: flex;
    gap: var(--_space);
    align-items: flex-end;
    padding: var(--_space);
    border-top: 1px solid var(--_border);
    background: var(--_bg);
  }
  textarea {
    flex: 1;
    resize: none;
    min-height: 2.5em;
    max-height: 12em;
    field-sizing: content;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    line-height: 1.4;
  }
  textarea:disabled {
    background: var(--_surface);
  }
  button {
    border: 0;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_on-accent);
    padding: var(--_space) calc(var(--_space) * 2);
    cursor: pointer;
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  .reason {
    color: var(--_muted);
    font-size: 0.9em;
    padding: 0 var(--_space) var(--_space);
  }
  .counter {
    align-self: center;
    color: var(--_muted);
    font-size: 0.85em;
    font-variant-numeric: tabular-nums;
  }
  .counter.over,
  .error {
    color: var(--_danger);
  }
  .error {
    font-size: 0.9em;
    padding: 0 var(--_space) var(--_space);
  }
`;
