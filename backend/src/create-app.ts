import 'reflect-metadata';
import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { pino, type DestinationStream } from 'pino';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import type { Database } from './database/database.js';
import { registerAccessLog, requestId } from './platform/http/access-log.js';
import { setupOpenApi } from './openapi/openapi-document.js';
import { registerBodyDepthLimit } from './platform/http/body-depth.js';
import { registerRateLimits } from './platform/http/rate-limit.js';
import { registerRequestMetrics } from './platform/ops/request-metrics.js';
import { registerSecurity } from './platform/http/security.js';
import type { SdkBuild } from './platform/http/sdk-releases.js';
import { registerStaticSites } from './platform/http/static-sites.js';
import { MetricsService } from './platform/ops/metrics.service.js';
import { parseQueryString } from './platform/validation/metadata.js';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug'];

export interface CreateAppOptions {
  /** Holds the demo merchant's publishable key, filled into the demo pages (set once seeded). */
  demo?: { publishableKey: string };
  /** The SDK build served as this instance's release (tests; default: sdk/elements/dist). */
  sdkBuild?: SdkBuild | null;
  logger?: false;
  /** Where the access log's JSON lines go: stdout unless `logger` is false; false: nowhere. */
  accessLog?: DestinationStream | false;
}

/** CC_LOG_LEVEL's names in pino's. */
const PINO_LEVELS: Record<string, string> = { debug: 'debug', log: 'info', warn: 'warn', error: 'error' };

/** Builds the whole HTTP application (used by main.ts, the tests and the benchmarks). */
export async function createApp(
  config: AppConfig,
  db: Database,
  options: CreateAppOptions = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    // false, a hop count or the proxies' addresses/CIDRs (Fastify takes a number too; its types omit it).
    trustProxy: config.CC_TRUST_PROXY as boolean | string[],
    bodyLimit: 10 * 1024 * 1024,
    genReqId: requestId,
    routerOptions: { ignoreTrailingSlash: true, querystringParser: parseQueryString },
  });
  const logger =
    options.logger === false
      ? false
      : new ConsoleLogger({
          json: true,
          logLevels: LEVELS.slice(0, LEVELS.indexOf(config.CC_LOG_LEVEL as LogLevel) + 1),
        });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, db), adapter, {
    logger,
    bufferLogs: false,
  });
  const fastify = app.getHttpAdapter().getInstance();

  const accessLog = options.accessLog ?? (options.logger === false ? false : pino.destination(1));
  if (accessLog) registerAccessLog(fastify, accessLog, PINO_LEVELS[config.CC_LOG_LEVEL]);
  await registerSecurity(fastify);
  await registerRateLimits(fastify, config);
  registerBodyDepthLimit(fastify);
  registerRequestMetrics(fastify, app.get(MetricsService));
  await registerStaticSites(fastify, {
    demo: options.demo ?? { publishableKey: '' },
    dataSource: db.dataSource,
    publicUrl: config.publicUrl,
    demoSite: config.demoSite,
    ...(options.sdkBuild !== undefined ? { sdkBuild: options.sdkBuild } : {}),
  });

  setupOpenApi(app);

  await app.init();
  await fastify.ready();
  return app;
}
