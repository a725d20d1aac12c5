import { parse } from 'node:querystring';
import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, registerDecorator } from 'class-validator';
import { invalidParam } from '../errors/errors.js';
import { mergePatch } from './merge-patch.js';

/**
 * `metadata`: the integrator's own string keys on contacts, invoices, payment requests and
 * recurring schedules. One validator and one merge for all four modules; their lists filter on it
 * in one place (`platform/pagination/list-statement.ts`).
 */
export const METADATA_MAX_KEYS = 50;
export const METADATA_MAX_KEY_LENGTH = 40;
export const METADATA_MAX_VALUE_LENGTH = 500;

export type Metadata = Record<string, string>;

type Mode = 'body' | 'patch' | 'filter';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What is wrong with a `metadata` value, naming `metadata.<key>` when one key is at fault; null when fine. */
export function metadataProblem(value: unknown, mode: Mode = 'body'): { param: string; message: string } | null {
  const where = mode === 'filter' ? 'metadata filters' : 'metadata';
  if (!isObject(value)) {
    const hint = mode === 'filter' ? ' Filter with metadata[key]=value.' : '';
    return { param: 'metadata', message: `${where} must be an object of string keys and string values.${hint}` };
  }
  const keys = Object.keys(value);
  if (mode !== 'filter' && keys.length > METADATA_MAX_KEYS)
    return { param: 'metadata', message: `metadata holds at most ${METADATA_MAX_KEYS} keys (${keys.length} given).` };
  for (const key of keys) {
    const param = `metadata.${key}`;
    if (key.length === 0 || key.length > METADATA_MAX_KEY_LENGTH)
      return {
        param,
        message: `metadata keys are 1 to ${METADATA_MAX_KEY_LENGTH} characters ('${key.slice(0, 60)}').`,
      };
    const v = value[key];
    if (v === null && mode === 'patch') continue; // RFC 7396: null removes the key
    if (typeof v !== 'string') {
      const message =
        mode === 'filter'
          ? `Filter on metadata key '${key}' once, with one value.`
          : `metadata values are strings (key '${key}').`;
      return { param: mode === 'filter' ? param : 'metadata', message };
    }
    if (v.length > METADATA_MAX_VALUE_LENGTH)
      return { param, message: `metadata values are at most ${METADATA_MAX_VALUE_LENGTH} characters (key '${key}').` };
  }
  return null;
}

/** The class-validator rule; `validationError` reads `contexts.metadata` to name the key at fault. */
function IsMetadata(mode: Mode): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isMetadata',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { context: { metadata: mode } },
      validator: {
        validate: (value: unknown) => metadataProblem(value, mode) === null,
        defaultMessage: (args) => metadataProblem(args?.value, mode)?.message ?? 'metadata is invalid',
      },
    });
}

/** The `metadata` field of a create (`body`) or PATCH (`patch`: `null` removes a key) DTO. */
export const MetadataField = (mode: 'body' | 'patch' = 'body') =>
  applyDecorators(
    ApiPropertyOptional({
      type: 'object',
      additionalProperties: { type: 'string', maxLength: METADATA_MAX_VALUE_LENGTH },
      example: { order_ref: 'A-17' },
      description:
        `Your own keys: at most ${METADATA_MAX_KEYS}, keys ≤ ${METADATA_MAX_KEY_LENGTH} characters, string values ≤ ${METADATA_MAX_VALUE_LENGTH}.` +
        (mode === 'patch' ? ' Merged into the stored metadata (RFC 7396): null removes a key.' : ''),
    }),
    IsOptional(),
    IsMetadata(mode),
  );

/** `?metadata[key]=value` on a list query (several filters AND together). */
export const MetadataFilter = () =>
  applyDecorators(
    ApiPropertyOptional({
      name: 'metadata',
      type: 'object',
      additionalProperties: { type: 'string' },
      example: { order_ref: 'A-17' },
      description:
        'Only objects whose metadata has every given key with exactly that value: ?metadata[order_ref]=A-17.',
    }),
    IsOptional(),
    IsMetadata('filter'),
  );

/** The error a broken `metadata` answers (used by the validation pipe and `mergeMetadata`). */
export function metadataError(value: unknown, mode: Mode) {
  const problem = metadataProblem(value, mode) ?? { param: 'metadata', message: 'metadata is invalid.' };
  return invalidParam(problem.param, problem.message);
}

/** A PATCH's metadata merged into the stored one (RFC 7396), still within the limits. */
export function mergeMetadata(current: Metadata, patch: Record<string, string | null> | undefined): Metadata {
  if (patch === undefined) return current;
  const merged = mergePatch<Metadata>(current ?? {}, patch);
  if (metadataProblem(merged)) throw metadataError(merged, 'body');
  return merged;
}

/**
 * Fastify's query parser, plus `metadata[key]=value` pairs gathered into `{ metadata: { key: value } }`
 * (a key given twice stays a list, which the filter refuses). Everything else parses as before.
 */
export function parseQueryString(raw: string): Record<string, unknown> {
  const flat: Record<string, unknown> = { ...parse(raw) };
  const metadata: Record<string, unknown> = {};
  let found = false;
  for (const key of Object.keys(flat)) {
    const match = /^metadata\[([^\]]*)\]$/.exec(key);
    if (!match) continue;
    metadata[match[1]!] = flat[key];
    delete flat[key];
    found = true;
  }
  if (found && !('metadata' in flat)) flat.metadata = metadata;
  return flat;
}
