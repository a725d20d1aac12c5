import { applyDecorators, HttpStatus, RequestMethod, type Type } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA } from '@nestjs/common/constants.js';
import { ApiExtraModels, ApiResponse, getSchemaPath, type ReferenceObject, type SchemaObject } from '@nestjs/swagger';

/** A DTO class, or a schema written out for answers that have no class. */
export type AnswerShape = Type<unknown> | SchemaObject;

const schemaOf = (shape: AnswerShape): SchemaObject & Partial<ReferenceObject> =>
  typeof shape === 'function' ? { $ref: getSchemaPath(shape) } : shape;

const modelsOf = (shape: AnswerShape) => (typeof shape === 'function' ? [ApiExtraModels(shape)] : []);

/**
 * Documents the route's success answer with its schema. Put it ABOVE the route's `@Get()`/`@Post()`/`@HttpCode()`
 * (decorators apply bottom-up), so the status is the one the route really answers: `@HttpCode`, else 201 for a
 * POST and 200 otherwise. The error envelope and the `Idempotency-Key` header are added to every operation when
 * the document is built (`openapi-document.ts`), so they are not repeated here.
 */
function answer(
  shape: SchemaObject & Partial<ReferenceObject>,
  models: ReturnType<typeof ApiExtraModels>[],
  description: string,
) {
  return (target: object, key: string | symbol, descriptor: PropertyDescriptor) => {
    const handler = descriptor.value as object;
    const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
    if (method === undefined) throw new Error(`@ApiOk/@ApiList must sit above the route decorator (${String(key)})`);
    const code = Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined;
    const status = code ?? (method === RequestMethod.POST ? HttpStatus.CREATED : HttpStatus.OK);
    return applyDecorators(...models, ApiResponse({ status, description, schema: shape }))(target, key, descriptor);
  };
}

/** One object (or the schema given) as the answer. */
export const ApiOk = (shape: AnswerShape, description = 'The object.') =>
  answer(schemaOf(shape), modelsOf(shape), description);

/** A page of a list: `{ data: [...], hasMore }`, walked with `limit` and `startingAfter`. */
export const ApiList = (shape: AnswerShape, description = 'A page, newest first.') =>
  answer(pageOf(schemaOf(shape)), modelsOf(shape), description);

export const pageOf = (item: SchemaObject & Partial<ReferenceObject>): SchemaObject => ({
  type: 'object',
  required: ['data', 'hasMore'],
  properties: {
    data: { type: 'array', items: item },
    hasMore: { type: 'boolean', description: 'More items after the last one: pass its id as `startingAfter`.' },
  },
});

/** A free-form JSON object (answers whose shape is described in words, such as dev and ops helpers). */
export const ANY_OBJECT: SchemaObject = { type: 'object', additionalProperties: true };
