import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { Clock } from './clock/clock.js';
import { Db } from './database/db.js';
import { Encryption } from './crypto/encryption.js';
import { TokenHashes } from './crypto/token-hashes.js';

/** What every module uses: the database gateway, the clock, encryption, token hashes. */
@Global()
@Module({
  providers: [
    Db,
    Clock,
    { provide: Encryption, inject: [AppConfig], useFactory: (c: AppConfig) => Encryption.fromConfig(c) },
    TokenHashes,
  ],
  exports: [Db, Clock, Encryption, TokenHashes],
})
export class CommonModule {}
