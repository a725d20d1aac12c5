import { Global, Module } from '@nestjs/common';
import { MetricsService } from './metrics.service.js';
import { OpsController } from './ops.controller.js';

@Global()
@Module({ controllers: [OpsController], providers: [MetricsService], exports: [MetricsService] })
export class OpsModule {}
