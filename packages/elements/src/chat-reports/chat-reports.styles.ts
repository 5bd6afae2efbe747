import { css } from 'lit';

export const chatReportsStyles = css`
  .tabs {
    display: flex;
    gap: 4px;
    padding: var(--_space) calc(var(--_space) * 1.5) 0;
    border-bottom: 1px solid var(--_border);
  }
  [role='tab'] {
    padding: 6px 12px;
    border: 0;
    border-bottom: 3px solid transparent;
    background: transparent;
    cursor: pointer;
  }
  [role='tab'][aria-selected='true'] {
    border-bottom-color: var(--_accent);
    font-weight: 600;
  }
  .report {
    display: flex;
    flex-direction: column;
    gap: 4px;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-bottom: 1px solid var(--_border);
  }
  .excerpt {
    margin: 0;
    padding: 4px var(--_space);
    border-inline-start: 3px solid var(--_border);
    background: var(--_surface);
    border-radius: 4px;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 4;
    line-clamp: 4;
    overflow: hidden;
  }
  .excerpt .name {
    margin-inline-end: 6px;
  }
  .deleted {
    color: var(--_muted);
    font-style: italic;
  }
  .reason {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin-top: 4px;
  }
  .actions .plain {
    padding: 4px 10px;
  }
  .more-reports {
    margin: var(--_space) calc(var(--_space) * 1.5);
  }
`;
