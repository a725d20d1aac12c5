import { Controller, Get, Header, Headers, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Allow, OwnBearerToken } from '../http/auth/decorators.js';
import { Db } from '../database/db.js';
import { PLATFORM_ERRORS as E } from '../errors/codes.js';
import { ApiError } from '../errors/errors.js';
import { safeEqual } from '../crypto/secrets.js';
import { AppConfig } from '../../config/app-config.js';
import { MetricsService } from './metrics.service.js';

const READY_TIMEOUT_MS = 2000;

/** `/health` (process up), `/ready` (database reachable), `/metrics` (Prometheus text). */
@ApiExcludeController()
@Controller()
@Allow('public')
export class OpsController {
  constructor(
    private readonly db: Db,
    private readonly metrics: MetricsService,
    private readonly config: AppConfig,
  ) {}

  /** Outside production, `X-Instance` names the process that answered (CC_WORKERS > 1 shares one port). */
  @Get('health')
  health(@Res({ passthrough: true }) reply: { header(name: string, value: string): unknown }) {
    if (!this.config.isProduction) reply.header('X-Instance', String(process.pid));
    return { status: 'ok' };
  }

  @Get('ready')
  async ready() {
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('Connection terminated: ready check timed out')), READY_TIMEOUT_MS).unref(),
    );
    try {
      await Promise.race([this.db.dataSource.query('SELECT 1'), timeout]);
    } catch {
      throw new ApiError(E.database_unavailable, 'The database cannot be reached right now.');
    }
    return { status: 'ready' };
  }

  @Get('metrics')
  @OwnBearerToken()
  @Header('Content-Type', 'text/plain; version=0.0.4')
  metricsText(@Headers('authorization') authorization?: string): Promise<string> {
    const token = this.config.CC_METRICS_TOKEN;
    if (!token) {
      // Production without a token: no metrics at all (they tell traffic, merchants and failures).
      if (this.config.isProduction) throw new ApiError(E.route_not_found, 'No route GET /metrics.');
    } else if (!authorization || !safeEqual(authorization, `Bearer ${token}`)) {
      throw new ApiError(
        E.authentication_required,
        'Send the metrics token: Authorization: Bearer <CC_METRICS_TOKEN>.',
      );
    }
    return this.metrics.registry.metrics();
  }
}
