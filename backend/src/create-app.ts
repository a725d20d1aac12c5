import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import type { Database } from './database/database.js';
import { registerBodyDepthLimit } from './http/body-depth.js';
import { registerRateLimits } from './http/rate-limit.js';
import { registerRequestMetrics } from './http/request-metrics.js';
import { registerSecurity } from './http/security.js';
import { registerStaticSites } from './http/static-sites.js';
import { MetricsService } from './modules/ops/metrics.service.js';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug'];

export interface CreateAppOptions {
  /** Holds the demo merchant's publishable key, filled into the demo pages (set once seeded). */
  demo?: { publishableKey: string };
  logger?: false;
}

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
    genReqId: () => `req_${randomBytes(12).toString('base64url')}`,
    routerOptions: { ignoreTrailingSlash: true },
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
  registerBodyDepthLimit(fastify);
  registerRequestMetrics(fastify, app.get(MetricsService));
  await registerStaticSites(fastify, options.demo ?? { publishableKey: '' });

  const doc = new DocumentBuilder()
    .setTitle('CustomerConnect API')
    .setDescription('Trade credit and collections for B2B merchants. Conventions: docs/api-conventions.md.')
    .setVersion('1')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      description: 'sk_… secret key, ms_… dashboard session, cs_… customer session, or the platform token',
    })
    .addApiKey({ type: 'apiKey', in: 'header', name: 'CC-Publishable-Key' }, 'publishableKey')
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, doc), {
    jsonDocumentUrl: 'openapi.json',
    yamlDocumentUrl: 'openapi.yaml',
  });

  await app.init();
  await fastify.ready();
  return app;
}
