import { css } from 'lit';

/** The plain, outlined button of panel headers and lists (`class="plain"`). */
export const plainButtonStyles = css`
  .plain {
    border: 1px solid var(--_border);
    background: var(--_bg);
    border-radius: var(--_radius);
    padding: 2px 10px;
    cursor: pointer;
  }
`;
