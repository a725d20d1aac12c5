import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

type Json = Record<string, any>;
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** One route of the document, matched against a concrete path (`/v1/invoices/{id}` ← `/v1/invoices/inv_1`). */
interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  literal: number;
}

/**
 * Checks real answers against the OpenAPI document the backend serves: the schema documented for the
 * operation and status (an exact status, else `4XX`/`5XX`). An answer the document does not describe, or
 * that does not match its schema, is an error: the document cannot drift from the code.
 */
export class OpenApiChecker {
  private readonly ajv = addFormats(new Ajv2020({ strict: false, allErrors: true, validateFormats: true }));
  private readonly routes: Route[] = [];
  private readonly compiled = new Map<string, ValidateFunction | null>();

  constructor(readonly doc: Json) {
    this.ajv.addSchema({ ...doc, $id: 'openapi.json' } as Json);
    for (const [template, item] of Object.entries(doc.paths as Json)) {
      for (const method of Object.keys(item as Json)) {
        const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+');
        this.routes.push({
          method: method.toUpperCase(),
          template,
          pattern: new RegExp(`^${source}$`),
          literal: template.replace(/\{[^}]+\}/g, '').length,
        });
      }
    }
    // The most literal template first: /v1/invoices/import before /v1/invoices/{id}.
    this.routes.sort((a, b) => b.literal - a.literal);
  }

  route(method: string, path: string): Route | undefined {
    const bare = path.split('?')[0]!.replace(/\/$/, '') || '/';
    return this.routes.find((r) => r.method === method && r.pattern.test(bare));
  }

  /** Problems with this answer, or [] when it matches its documented schema (or the route is not in the document). */
  check(method: string, path: string, status: number, body: unknown): string[] {
    const route = this.route(method, path);
    if (!route) return [];
    const responses = this.doc.paths[route.template][method.toLowerCase()].responses as Json;
    const key = String(status) in responses ? String(status) : `${String(status)[0]}XX`;
    const where = `${method} ${route.template} → ${status}`;
    if (!(key in responses))
      return [`${where}: status not documented (documented: ${Object.keys(responses).join(', ')})`];
    const pointer = `#/paths/${escape(route.template)}/${method.toLowerCase()}/responses/${key}/content/application~1json/schema`;
    const id = `openapi.json${pointer}`;
    if (!this.compiled.has(id)) {
      const hasSchema = responses[key]?.content?.['application/json']?.schema;
      this.compiled.set(id, hasSchema ? this.ajv.compile({ $ref: id }) : null);
    }
    const validate = this.compiled.get(id);
    if (!validate)
      return status === 204 || body === undefined ? [] : [`${where}: answers a body the document does not describe`];
    if (validate(body)) return [];
    return (validate.errors ?? []).map(
      (e) => `${where}: ${e.instancePath || '(body)'} ${e.message} ${JSON.stringify(e.params)}`,
    );
  }
}

const escape = (template: string) =>
  template.replace(/~/g, '~0').replace(/\//g, '~1').replace(/\{/g, '%7B').replace(/\}/g, '%7D');

const checkers = new Map<string, Promise<OpenApiChecker>>();

/** The checker of the backend at baseUrl (its document read once). */
export function checkerFor(baseUrl: string): Promise<OpenApiChecker> {
  let checker = checkers.get(baseUrl);
  if (!checker) {
    checker = fetch(`${baseUrl}/openapi.json`)
      .then((r) => r.json())
      .then((doc) => new OpenApiChecker(doc as Json));
    checkers.set(baseUrl, checker);
  }
  return checker;
}
