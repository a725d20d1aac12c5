import { css } from 'lit';

/**
 * Data tables, shared by the wallet and the console; reads only the private `--_cc-*` tokens.
 * A table sits in `.table-wrap`, which scrolls sideways inside its own box on a narrow
 * screen. The wrap is positioned so that absolutely positioned content in the table (the
 * visually hidden `.sr-only` labels) is clipped by it too: without that, such content
 * takes the page as its containing block and makes the whole page scroll sideways.
 */
export const tableStyles = css`
  .table-wrap {
    position: relative;
    display: block;
    box-sizing: border-box;
    inline-size: 100%;
    max-inline-size: 100%;
    min-inline-size: 0;
    overflow-x: auto;
  }

  table {
    width: 100%;
    border-collapse: collapse;
  }

  th,
  td {
    text-align: start;
  }

  thead th {
    font-size: 0.875em;
    color: var(--_cc-color-muted);
  }

  td.num,
  th.num {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
`;
