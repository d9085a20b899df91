import { Module } from '@nestjs/common';
import { diskUploads } from '../../core/http/uploads.js';
import { CasesModule } from '../cases/cases.module.js';
import { ExportLimiter } from './export-limiter.js';
import { LedgersController } from './ledgers.controller.js';
import { LedgerItemsRepository } from './ledger-items.repository.js';
import { LedgersRepository } from './ledgers.repository.js';
import { LedgersService } from './ledgers.service.js';
import { LedgerLagService } from './ledger-lag.service.js';
import { LedgerSignoffService } from './ledger-signoff.service.js';
import { LedgerTasksService } from './ledger-tasks.service.js';

/** Ledger files are at most this big (20,000 rows of text fit in a few MB). */
const MAX_LEDGER_FILE_BYTES = 50 * 1024 * 1024;

@Module({
  imports: [
    CasesModule,
    diskUploads({ fileSize: MAX_LEDGER_FILE_BYTES, files: 1, fields: 5 }),
  ],
  controllers: [LedgersController],
  providers: [LedgersService, LedgersRepository, LedgerItemsRepository, LedgerLagService, LedgerSignoffService, LedgerTasksService, { provide: ExportLimiter, useFactory: () => new ExportLimiter() }],
  exports: [LedgersService, LedgerLagService, LedgerTasksService],
})
export class LedgersModule {}
