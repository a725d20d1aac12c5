import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { KNOWN_EVENT_TYPES } from './event-types.js';

const MODULES = fileURLToPath(new URL('..', import.meta.url));
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts')
        ? [join(dir, e.name)]
        : [],
  );

describe('KNOWN_EVENT_TYPES', () => {
  it('names every event type the code appends as a literal (so endpoints can subscribe to it)', () => {
    const emitted = new Set<string>();
    const patterns = [
      /events\.append\([^,]+,\s*'([a-z_]+\.[a-z_]+)'/g, // events.append(merchantId, 'invoice.created', …)
      /\.move\([^;]*?'([a-z_]+\.[a-z_]+)'\)/g, // invoices.move(invoice, 'voided', actor, 'invoice.voided')
      /^\s+(?!action:)[a-z_]+: '([a-z_]+\.[a-z_]+)',$/gm, // CONTACT_EVENT_TYPES-style maps (not audit actions)
    ];
    for (const file of sources(MODULES)) {
      if (file.includes(`${join('domain', 'webhooks')}`)) continue;
      const text = readFileSync(file, 'utf8');
      if (!text.includes('events.append') && !text.includes('.move(')) continue;
      for (const re of patterns) for (const m of text.matchAll(re)) emitted.add(m[1]!);
    }
    expect(emitted.size).toBeGreaterThan(10);
    expect([...emitted].filter((t) => !(KNOWN_EVENT_TYPES as readonly string[]).includes(t))).toEqual([]);
  });
});
