import { css } from 'lit';

/** Shared look of the SDK's forms; reads only the private `--_cc-*` tokens. */
export const formStyles = css`
  :host {
    display: block;
    font-family: var(--_cc-font-family);
    font-size: var(--_cc-font-size);
    line-height: 1.5;
    color: var(--_cc-color-text);
    background: var(--_cc-color-surface);
  }

  :host([hidden]) {
    display: none;
  }

  h2,
  h3 {
    margin: 0;
    line-height: 1.25;
  }

  h2 {
    font-size: 1.375em;
  }

  h3 {
    font-size: 1.125em;
  }

  p {
    margin: 0;
  }

  form {
    display: grid;
    gap: calc(var(--_cc-space) * 2);
  }

  .field {
    display: grid;
    gap: calc(var(--_cc-space) / 2);
  }

  .field.checkbox {
    grid-template-columns: auto 1fr;
    align-items: start;
    column-gap: var(--_cc-space);
  }

  .field.checkbox > :not(input, label) {
    grid-column: 2;
  }

  label {
    font-weight: 600;
  }

  .optional,
  .hint {
    font-weight: normal;
    color: var(--_cc-color-muted);
  }

  .hint {
    font-size: 0.875em;
  }

  input,
  select {
    box-sizing: border-box;
    width: 100%;
    min-height: 2.75em;
    padding: calc(var(--_cc-space) * 0.75) var(--_cc-space);
    font: inherit;
    color: var(--_cc-color-text);
    background: var(--_cc-color-surface);
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
  }

  input[type='checkbox'] {
    width: 1.25em;
    min-height: 1.25em;
    height: 1.25em;
    margin: 0.125em 0 0;
    accent-color: var(--_cc-color-primary);
  }

  [aria-invalid='true'] {
    border-color: var(--_cc-color-danger);
    box-shadow: 0 0 0 1px var(--_cc-color-danger);
  }

  .error {
    color: var(--_cc-color-danger);
    font-weight: 600;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cc-space);
  }

  button {
    min-height: 2.75em;
    padding: calc(var(--_cc-space) * 0.75) calc(var(--_cc-space) * 2);
    font: inherit;
    font-weight: 600;
    color: var(--_cc-color-text);
    background: var(--_cc-color-surface);
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
    cursor: pointer;
  }

  button.primary {
    color: var(--_cc-color-on-primary);
    background: var(--_cc-color-primary);
    border-color: var(--_cc-color-primary);
  }

  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }

  :focus-visible {
    outline: var(--_cc-focus-ring);
    outline-offset: 2px;
  }

  [tabindex='-1']:focus {
    outline: none;
  }

  .alert {
    padding: var(--_cc-space) calc(var(--_cc-space) * 1.5);
    color: var(--_cc-color-danger);
    border: 1px solid var(--_cc-color-danger);
    border-inline-start-width: 4px;
    border-radius: var(--_cc-radius);
  }

  .panel {
    display: grid;
    gap: calc(var(--_cc-space) * 1.5);
  }

  .loading {
    min-height: 12em;
    color: var(--_cc-color-muted);
  }

  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
