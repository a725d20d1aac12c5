import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { unknownFieldError } from '../validation/unknown-fields.js';

/**
 * A write route that takes no body (void, withdraw, decline, cancel…) refuses any field sent to
 * it, like every DTO route does: `422 unknown_field`, or a registered rule's code
 * (`early_payment_discount_unsupported`, see domain/invoices/early-payment-discount.ts).
 */
@Injectable()
export class BodylessRoutesInterceptor implements NestInterceptor {
  private readonly takesBody = new WeakMap<object, boolean>();

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<FastifyRequest>();
    const body = req.body;
    if (
      body &&
      typeof body === 'object' &&
      !Array.isArray(body) &&
      Object.keys(body).length &&
      !this.routeTakesBody(ctx)
    ) {
      const field = Object.keys(body)[0]!;
      throw unknownFieldError(field, field, `Unknown field '${field}': this endpoint takes no body.`);
    }
    return next.handle();
  }

  private routeTakesBody(ctx: ExecutionContext): boolean {
    const handler = ctx.getHandler();
    let known = this.takesBody.get(handler);
    if (known === undefined) {
      const args: Record<string, unknown> =
        Reflect.getMetadata(ROUTE_ARGS_METADATA, ctx.getClass(), handler.name) ?? {};
      known = Object.keys(args).some((k) => Number(k.split(':')[0]) === RouteParamtypes.BODY);
      this.takesBody.set(handler, known);
    }
    return known;
  }
}
