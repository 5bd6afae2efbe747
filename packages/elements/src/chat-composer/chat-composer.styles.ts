import { css } from 'lit';

export const chatComposerStyles = css`
  :host {
    display: block;
    position: relative;
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
  .blocked {
    padding: calc(var(--_space) * 1.5);
    border-top: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_muted);
    text-align: center;
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
  form.dragging {
    outline: 2px dashed var(--_accent);
    outline-offset: -4px;
  }
  .attach {
    align-self: flex-end;
    display: grid;
    place-items: center;
    min-width: 2.5em;
    min-height: 2.5em;
    padding: 0;
    background: transparent;
    color: var(--_muted);
    border: 1px solid var(--_border);
  }
  input[type='file'] {
    display: none;
  }
  .attachments {
    list-style: none;
    margin: 0;
    padding: var(--_space) var(--_space) 0;
    display: flex;
    flex-direction: column;
    gap: 4px;
    border-top: 1px solid var(--_border);
    background: var(--_bg);
  }
  .attachments li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px var(--_space);
    padding: 4px var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    font-size: 0.9em;
  }
  .attachments .name {
    flex: 1 1 8em;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-weight: 600;
  }
  .size {
    color: var(--_muted);
  }
  progress {
    flex: 1 1 6em;
    accent-color: var(--_accent);
  }
  .attachments .error {
    flex-basis: 100%;
    order: 1;
  }
  button.small {
    padding: 2px 10px;
    background: var(--_bg);
    color: var(--_text);
    border: 1px solid var(--_border);
  }
  .suggestions {
    position: absolute;
    bottom: 100%;
    inset-inline: var(--_space);
    z-index: 2;
    max-height: 14em;
    overflow-y: auto;
    list-style: none;
    margin: 0 0 4px;
    padding: 4px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    box-shadow: 0 4px 12px rgb(0 0 0 / 0.15);
  }
  [role='option'] {
    padding: 6px var(--_space);
    border-radius: calc(var(--_radius) / 2);
    cursor: pointer;
  }
  [role='option'][aria-selected='true'] {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .handle {
    font-weight: 600;
  }
`;
