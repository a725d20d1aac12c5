import { css } from 'lit';

/** The console's own look (tables, cards, badges, toolbars); reads only the private `--_cc-*` tokens. */
export const consoleStyles = css`
  :host {
    display: block;
    min-inline-size: 0;
    max-inline-size: 100%;
    background: transparent;
  }

  h1 {
    margin: 0;
    font-size: 1.625em;
    line-height: 1.25;
  }

  h1:focus,
  h2:focus {
    outline: none;
  }

  a {
    color: var(--_cc-color-primary);
  }

  .page {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_cc-space) * 3);
  }

  .stack {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_cc-space) * 3);
  }

  .field {
    align-content: start;
  }

  blockquote {
    margin: 0;
    white-space: pre-wrap;
  }

  .preview {
    padding: calc(var(--_cc-space) * 2);
    border: 1px dashed var(--_cc-color-border);
    border-radius: var(--_cc-radius);
  }

  .page-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_cc-space);
  }

  .card {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    min-width: 0;
    gap: calc(var(--_cc-space) * 1.5);
    padding: calc(var(--_cc-space) * 2);
    background: var(--_cc-color-surface);
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
  }

  .cards {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    gap: calc(var(--_cc-space) * 2);
  }

  .figure {
    display: grid;
    gap: calc(var(--_cc-space) / 2);
  }

  .figure dt {
    color: var(--_cc-color-muted);
  }

  .figure dd {
    margin: 0;
    font-size: 1.5em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }

  dl.facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: calc(var(--_cc-space) / 2) calc(var(--_cc-space) * 2);
    margin: 0;
  }

  dl.facts dt {
    color: var(--_cc-color-muted);
  }

  dl.facts dd {
    margin: 0;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: calc(var(--_cc-space) * 1.5);
  }

  /* A select is as wide as its longest option (a long company name): never wider than the page. */
  select,
  input {
    max-width: 100%;
  }

  .toolbar .field {
    min-width: min(10rem, 100%);
    max-width: 100%;
    flex: 1 1 10rem;
  }

  .toolbar .field.narrow {
    flex: 0 1 10rem;
  }

  /* The console's tables are framed cards (the scrolling itself: tableStyles). */
  .table-wrap {
    container-type: inline-size;
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
    background: var(--_cc-color-surface);
  }

  caption {
    text-align: start;
    padding: var(--_cc-space) calc(var(--_cc-space) * 1.5);
    font-weight: 600;
  }

  th,
  td {
    padding: var(--_cc-space) calc(var(--_cc-space) * 1.5);
    vertical-align: top;
    border-top: 1px solid var(--_cc-color-border);
  }

  /*
   * In a narrow table box (a phone), numbers, names, dates and amounts stay on one line and
   * the box scrolls sideways, instead of every column being squeezed to a word per line; free
   * text (memos, descriptions, error messages: class "wrap") still wraps, at a readable width.
   */
  @container (max-width: 40rem) {
    th,
    td {
      white-space: nowrap;
    }

    th.wrap,
    td.wrap {
      white-space: normal;
      min-inline-size: 12rem;
    }
  }

  thead th {
    white-space: nowrap;
  }

  .badge {
    display: inline-block;
    padding: 0 calc(var(--_cc-space) * 0.75);
    font-size: 0.875em;
    font-weight: 600;
    white-space: nowrap;
    border: 1px solid currentColor;
    border-radius: 999px;
  }

  .badge.good {
    color: var(--_cc-color-success);
  }

  .badge.bad {
    color: var(--_cc-color-danger);
  }

  .badge.plain {
    color: var(--_cc-color-muted);
  }

  .overdue {
    color: var(--_cc-color-danger);
    font-weight: 600;
  }

  .state {
    padding: calc(var(--_cc-space) * 2);
    color: var(--_cc-color-muted);
  }

  .empty {
    padding: calc(var(--_cc-space) * 2);
    border: 1px dashed var(--_cc-color-border);
    border-radius: var(--_cc-radius);
  }

  .reason,
  .muted {
    color: var(--_cc-color-muted);
    font-size: 0.875em;
  }

  .success {
    padding: var(--_cc-space) calc(var(--_cc-space) * 1.5);
    color: var(--_cc-color-success);
    border: 1px solid var(--_cc-color-success);
    border-inline-start-width: 4px;
    border-radius: var(--_cc-radius);
  }

  button[aria-disabled='true'],
  button:disabled {
    cursor: not-allowed;
    opacity: 0.65;
  }

  button.link {
    min-height: auto;
    padding: 0;
    color: var(--_cc-color-primary);
    background: none;
    border: 0;
    text-decoration: underline;
    font-weight: normal;
  }

  button.danger {
    color: var(--_cc-color-danger);
    border-color: var(--_cc-color-danger);
  }

  .grid-2 {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    gap: calc(var(--_cc-space) * 2);
  }

  form {
    grid-template-columns: minmax(0, 1fr);
  }

  fieldset {
    min-width: 0;
    display: grid;
    gap: calc(var(--_cc-space) * 1.5);
    margin: 0;
    padding: calc(var(--_cc-space) * 1.5);
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
  }

  legend {
    padding: 0 calc(var(--_cc-space) / 2);
    font-weight: 600;
  }

  .choice {
    display: flex;
    gap: var(--_cc-space);
    align-items: start;
  }

  .choice input {
    width: auto;
    min-height: auto;
    margin-top: 0.3em;
    accent-color: var(--_cc-color-primary);
  }

  .choice label {
    font-weight: normal;
  }

  textarea {
    box-sizing: border-box;
    width: 100%;
    min-height: 5em;
    padding: calc(var(--_cc-space) * 0.75) var(--_cc-space);
    font: inherit;
    color: var(--_cc-color-text);
    background: var(--_cc-color-surface);
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
  }

  pre,
  code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.875em;
  }

  pre {
    margin: 0;
    padding: calc(var(--_cc-space) * 1.5);
    overflow-x: auto;
    white-space: pre-wrap;
    word-break: break-all;
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
  }

  dialog {
    max-width: min(36rem, calc(100vw - 2rem));
    padding: calc(var(--_cc-space) * 3);
    color: var(--_cc-color-text);
    background: var(--_cc-color-surface);
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }

  .lines {
    display: grid;
    gap: var(--_cc-space);
  }

  .line {
    display: grid;
    grid-template-columns: minmax(10rem, 3fr) minmax(4rem, 1fr) minmax(7rem, 1.5fr) auto;
    gap: var(--_cc-space);
    align-items: end;
  }

  .total {
    font-size: 1.125em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }

  @media (max-width: 40rem) {
    .line {
      grid-template-columns: 1fr 1fr;
    }

    .line > :first-child {
      grid-column: 1 / -1;
    }

    dl.facts {
      grid-template-columns: 1fr;
    }

    dl.facts dd {
      margin-bottom: var(--_cc-space);
    }
  }
`;
