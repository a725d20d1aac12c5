import { Module } from '@nestjs/common';
import { MerchantsModule } from '../merchants/merchants.module.js';
import { PublicConfigController } from './public-config.controller.js';

@Module({ imports: [MerchantsModule], controllers: [PublicConfigController] })
export class PublicModule {}
