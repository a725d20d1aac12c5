import { Module } from '@nestjs/common';
import { DevController } from './dev.controller.js';

/** Loaded only outside production. */
@Module({ controllers: [DevController] })
export class DevModule {}
