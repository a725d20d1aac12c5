import { css } from 'lit';
import { factsStyles } from './facts.styles.js';

/** What the wallet elements share on top of `formStyles`; reads only the private `--_cc-*` tokens. */
export const walletStyles = css`
  ${factsStyles}
  textarea {
    box-sizing: border-box;
    width: 100%;
    min-height: 7em;
    padding: calc(var(--_cc-space) * 0.75) var(--_cc-space);
    font: inherit;
    color: var(--_cc-color-text);
    background: var(--_cc-color-surface);
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
    resize: vertical;
  }

  input[readonly] {
    border-style: dashed;
    font-weight: 600;
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    display: grid;
    gap: calc(var(--_cc-space) / 2);
  }

  legend {
    padding: 0;
    margin-bottom: calc(var(--_cc-space) / 2);
    font-weight: 600;
  }

  .choice {
    display: flex;
    align-items: center;
    gap: var(--_cc-space);
  }

  .choice input {
    width: 1.25em;
    min-height: 1.25em;
    height: 1.25em;
    margin: 0;
    accent-color: var(--_cc-color-primary);
  }

  .choice label {
    font-weight: normal;
  }

  .count {
    font-size: 0.875em;
    color: var(--_cc-color-muted);
    font-variant-numeric: tabular-nums;
  }


  .badge {
    display: inline-block;
    padding: 0 calc(var(--_cc-space) * 0.75);
    font-size: 0.875em;
    font-weight: 600;
    border: 1px solid currentColor;
    border-radius: 999px;
    white-space: nowrap;
  }

  .badge.danger {
    color: var(--_cc-color-danger);
  }

  .badge.success {
    color: var(--_cc-color-success);
  }

  .outcome,
  .sent {
    padding: var(--_cc-space) calc(var(--_cc-space) * 1.5);
    border: 1px solid var(--_cc-color-success);
    border-inline-start-width: 4px;
    border-radius: var(--_cc-radius);
  }

  .gate {
    display: grid;
    gap: calc(var(--_cc-space) * 1.5);
    min-height: 12em;
    align-content: start;
  }

  .muted {
    color: var(--_cc-color-muted);
  }

  h2[tabindex='-1']:focus,
  h3[tabindex='-1']:focus,
  p[tabindex='-1']:focus {
    outline: none;
  }
`;
