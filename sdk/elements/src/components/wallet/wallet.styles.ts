import { css } from 'lit';

export const walletElementStyles = css`
  .wallet {
    display: grid;
    gap: calc(var(--_cc-space) * 3);
  }

  .wallet > section {
    display: grid;
    gap: var(--_cc-space);
    align-content: start;
  }

  .loading.wallet-loading {
    min-height: 24em;
  }

  th,
  td {
    padding: calc(var(--_cc-space) * 0.75) var(--_cc-space);
    vertical-align: middle;
    border-bottom: 1px solid var(--_cc-color-border);
  }

  td.actions-cell {
    white-space: nowrap;
  }

  td.actions-cell button {
    min-height: 2.25em;
    padding: calc(var(--_cc-space) / 2) var(--_cc-space);
  }

  tr.panel-row > td {
    padding: calc(var(--_cc-space) * 2);
    background: var(--_cc-color-surface);
  }

  .list {
    display: grid;
    gap: var(--_cc-space);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .list > li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_cc-space);
    padding: var(--_cc-space);
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
  }

  .list .what {
    display: grid;
  }

  .inline-panel {
    padding: calc(var(--_cc-space) * 2);
    border: 1px solid var(--_cc-color-border);
    border-radius: var(--_cc-radius);
  }

  .badges {
    display: inline-flex;
    flex-wrap: wrap;
    gap: calc(var(--_cc-space) / 2);
  }
`;
