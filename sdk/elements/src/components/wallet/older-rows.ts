import type { ApiClient } from '../../internal/api-client.js';
import { customerApi, type PagedList } from '../../internal/customer-api.js';
import type { Page } from '../../internal/wallet-api.js';

const PAGE = 50;

/**
 * The rows of one wallet list older than the wallet's first page (its invoices, its payment
 * requests), loaded on request ("Show older …") from the list's own endpoint by cursor, and kept
 * current when the wallet reloads (after a payment or a dispute), so a customer can reach — and
 * pay — every one, not only the latest 50.
 */
export class OlderRows<T extends { id: string }> {
  constructor(private readonly list: PagedList) {}

  rows: T[] = [];
  /** Whether more remain after `rows` (undefined: none loaded yet; the first page says). */
  hasMore?: boolean | undefined;
  busy = false;

  /** What is shown after the wallet's first page, and whether there is more to ask for. */
  view(first: Page<T>): { rows: T[]; hasMore: boolean } {
    return { rows: [...first.data, ...this.rows], hasMore: this.hasMore ?? first.hasMore };
  }

  /** The next page after the last invoice shown; returns how many came. */
  async more(client: ApiClient, first: Page<T>): Promise<number> {
    const last = this.view(first).rows.at(-1);
    if (!last || this.busy) return 0;
    this.busy = true;
    try {
      const page = await customerApi(client).page<T>(this.list, { limit: PAGE, startingAfter: last.id });
      this.rows = [...this.rows, ...page.data];
      this.hasMore = page.hasMore;
      return page.data.length;
    } finally {
      this.busy = false;
    }
  }

  /** After the wallet reloaded its first page: read again as many older invoices as were shown. */
  async refresh(client: ApiClient, first: Page<T>, signal: AbortSignal): Promise<void> {
    const wanted = this.rows.length;
    if (wanted === 0) return;
    const rows: T[] = [];
    let hasMore = first.hasMore;
    let after = first.data.at(-1)?.id;
    while (hasMore && after && rows.length < wanted) {
      const page = await customerApi(client).page<T>(
        this.list,
        { limit: Math.min(100, wanted - rows.length), startingAfter: after },
        { signal },
      );
      rows.push(...page.data);
      hasMore = page.hasMore;
      after = page.data.at(-1)?.id;
    }
    this.rows = rows;
    this.hasMore = hasMore;
  }

  reset(): void {
    this.rows = [];
    this.hasMore = undefined;
    this.busy = false;
  }
}
