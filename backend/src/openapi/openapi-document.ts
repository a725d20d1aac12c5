import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ERROR_CODES } from '../errors/index.js';
import { PLATFORM_ERRORS } from '../platform/errors/codes.js';
import { STATUS_TYPE } from '../platform/errors/registry.js';
import { webhooksSection, WEBHOOK_MODELS } from './webhooks-section.js';

type Json = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The security schemes (names used by `@Allow` in platform/http/auth/decorators.ts). */
const SECURITY_SCHEMES = {
  secretKey: {
    type: 'http',
    scheme: 'bearer',
    description: 'A secret key (`sk_…`) or a dashboard session (`ms_…` from `POST /v1/auth/login`).',
  },
  customerSession: {
    type: 'http',
    scheme: 'bearer',
    description: 'A customer session (`cs_…` from `POST /v1/customer/sessions` or a credit application). Any origin.',
  },
  publishableKey: {
    type: 'apiKey',
    in: 'header',
    name: 'CC-Publishable-Key',
    description:
      "A publishable key (`pk_…`), for widgets in the browser: accepted only with an `Origin` in the merchant's `allowedOrigins`.",
  },
  platformToken: {
    type: 'http',
    scheme: 'bearer',
    description: "The platform underwriting team's token (`CC_PLATFORM_ADMIN_TOKEN`).",
  },
} as const;

const ERROR_SCHEMA = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['type', 'code', 'message'],
      properties: {
        type: {
          type: 'string',
          enum: [...new Set(Object.values(STATUS_TYPE))],
        },
        code: {
          type: 'string',
          enum: [...ERROR_CODES],
          description:
            'Stable: branch on this, never on `message`. Every code the API answers (the table in docs/api-conventions.md says when).',
        },
        message: { type: 'string' },
        param: { type: 'string', description: 'The field at fault, as a path (`lineItems.0.amount`).' },
        paymentId: { type: 'string', description: 'With `payment_error`: the failed payment, which is kept.' },
      },
      additionalProperties: true,
    },
  },
  example: {
    error: {
      type: PLATFORM_ERRORS.parameter_missing.type,
      code: PLATFORM_ERRORS.parameter_missing.code,
      message: 'number is required',
      param: 'number',
    },
  },
};

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

const IDEMPOTENCY_KEY = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Same key + same body → the first answer again (with `Idempotent-Replayed: true`); same key + another body → `409 idempotency_key_reused`. Kept at least 24 hours, per credential.',
  schema: { type: 'string', maxLength: 255 },
  example: 'order-1001-invoice',
};

const ORIGIN = {
  name: 'Origin',
  in: 'header',
  required: false,
  description: "With a publishable key: must be one of the merchant's `allowedOrigins` (browsers send it).",
  schema: { type: 'string' },
};

/** Builds the OpenAPI 3.1 document from the controllers and DTOs, then adds what every operation shares. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('CustomerConnect API')
    .setDescription(
      'Trade credit and collections for B2B merchants. Conventions (ids, money, lists, errors, idempotency, webhooks): docs/api-conventions.md.',
    )
    .setVersion('1')
    .build();
  config.components = { ...config.components, securitySchemes: { ...SECURITY_SCHEMES } };
  const doc = SwaggerModule.createDocument(app, config, { extraModels: WEBHOOK_MODELS });
  return finish(doc);
}

/** Shared parts, 3.1 schema forms and the webhooks section: done on the generated document so no handler repeats them. */
export function finish(doc: OpenAPIObject): OpenAPIObject {
  doc.openapi = '3.1.0';
  doc.components!.schemas = { ...doc.components!.schemas, Error: ERROR_SCHEMA };
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = (item as Json)[method] as Json | undefined;
      if (!op) continue;
      const params = ((op.parameters as Json[] | undefined) ?? []).filter((p) => p.name !== 'Idempotency-Key');
      if (method === 'post') params.push(IDEMPOTENCY_KEY);
      if (path.startsWith('/v1/') && !op.security) op.security = [{ secretKey: [] }];
      const security = (op.security as Json[] | undefined) ?? [];
      if (security.some((s) => 'publishableKey' in s)) params.push(ORIGIN);
      op.parameters = params;
      const responses = (op.responses as Json) ?? {};
      for (const [status, r] of Object.entries(responses)) {
        // Nest's placeholder answer for a route without @ApiOk/@ApiList: nothing to say, and it would hide the gap.
        if (/^2/.test(status) && !(r as Json).content && status !== '204') delete responses[status];
      }
      responses['4XX'] = errorResponse(
        'The error envelope: invalid_request, authentication, permission, not_found, conflict, rate_limited, payment_error (402).',
      );
      responses['5XX'] = errorResponse('api_error (500), or 503 database_unavailable with Retry-After.');
      op.responses = responses;
    }
  }
  (doc as unknown as Json).webhooks = webhooksSection();
  return toOpenApi31(doc) as OpenAPIObject;
}

/** 3.0 → 3.1 schema forms: `nullable: true` becomes a type array (or a `oneOf` with null for a `$ref`). */
export function toOpenApi31(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toOpenApi31);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) out[k] = toOpenApi31(v);
  if (out.nullable === true) {
    delete out.nullable;
    if (out.$ref || out.allOf) {
      // Nest writes a nullable object as { type: 'object', nullable, allOf: [$ref] }: the $ref alone forbids null.
      const { description, type: _type, ...rest } = out;
      return { ...(description ? { description } : {}), oneOf: [rest, { type: 'null' }] };
    }
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    }
  } else if (out.nullable === false) delete out.nullable;
  return out;
}

/** Serves the document at `/openapi.json`, `/openapi.yaml` and Swagger UI at `/docs`. */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'openapi.json',
    yamlDocumentUrl: 'openapi.yaml',
  });
}
