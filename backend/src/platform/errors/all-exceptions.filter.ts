import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toErrorResponse } from './error-response.js';

/** The one place errors become HTTP answers (the envelope of api.md). */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(err: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    sendError(err, req, reply, this.logger);
  }
}

export function sendError(err: unknown, req: FastifyRequest, reply: FastifyReply, logger: Logger): void {
  const res = toErrorResponse(err, req.id);
  if (res.unexpected)
    logger.error({
      msg: 'unexpected error',
      requestId: req.id,
      method: req.method,
      url: req.url,
      err: String((err as Error)?.stack ?? err),
    });
  else if (res.status === 503) logger.warn({ msg: 'database unavailable', requestId: req.id, url: req.url });
  for (const [k, v] of Object.entries(res.headers ?? {})) reply.header(k, v);
  void reply.status(res.status).type('application/json').send(res.body);
}
