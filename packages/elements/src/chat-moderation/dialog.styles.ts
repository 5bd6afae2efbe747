import { css } from 'lit';

/** The look of the moderation dialogs, for every element that shows them. */
export const dialogStyles = css`
  .moderation-dialog {
    box-sizing: border-box;
    width: min(420px, calc(100vw - 32px));
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    box-shadow: 0 8px 32px rgb(0 0 0 / 0.25);
  }
  .moderation-dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  .moderation-dialog form {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 1.5);
  }
  .moderation-dialog h2 {
    margin: 0;
    font-size: 1.1em;
  }
  .moderation-dialog p {
    margin: 0;
  }
  .moderation-dialog fieldset {
    display: flex;
    flex-direction: column;
    gap: 4px;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .moderation-dialog legend {
    padding: 0;
    margin-bottom: 4px;
    font-weight: 600;
  }
  .moderation-dialog .field {
    display: flex;
    flex-direction: column;
    gap: 4px;
    font-weight: 600;
  }
  .moderation-dialog .choice {
    display: flex;
    align-items: center;
    gap: var(--_space);
    min-height: 32px;
  }
  .moderation-dialog textarea,
  .moderation-dialog input:not([type='radio'], [type='checkbox']) {
    font: inherit;
    font-weight: normal;
    color: inherit;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .moderation-dialog input[type='radio'],
  .moderation-dialog input[type='checkbox'] {
    inline-size: 18px;
    block-size: 18px;
    margin: 0;
    accent-color: var(--_accent);
  }
  .moderation-dialog .buttons {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_space);
  }
  .moderation-dialog .buttons button {
    padding: 8px 16px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    cursor: pointer;
  }
  .moderation-dialog .buttons .primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .moderation-dialog .buttons .danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_bg);
  }
  .moderation-dialog button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  .moderation-dialog .error {
    color: var(--_danger);
  }
`;
