import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import type { Database } from './database/database.js';
import { setupOpenApi } from './http/openapi/openapi-document.js';
import { registerRateLimits } from './http/rate-limit.js';
import { registerRequestMetrics } from './http/request-metrics.js';
import { registerSecurity } from './http/security.js';
import type { SdkBuild } from './http/sdk-releases.js';
import { registerStaticSites } from './http/static-sites.js';
import { MetricsService } from './modules/ops/metrics.service.js';
import { parseQueryString } from './common/metadata.js';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug'];

export interface CreateAppOptions {
  /** Holds the demo merchant's publishable key, filled into the demo pages (set once seeded). */
  demo?: { publishableKey: string };
  /** The SDK build served as this instance's release (tests; default: sdk/elements/dist). */
  sdkBuild?: SdkBuild | null;
  logger?: false;
}

/** Builds the whole HTTP application (used by main.ts, the tests and the benchmarks). */
export async function createApp(
  config: AppConfig,
  db: Database,
  options: CreateAppOptions = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    trustProxy: config.CC_TRUST_PROXY,
    bodyLimit: 10 * 1024 * 1024,
    genReqId: () => `req_${randomBytes(12).toString('base64url')}`,
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

  await registerSecurity(fastify);
  await registerRateLimits(fastify, config);
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
