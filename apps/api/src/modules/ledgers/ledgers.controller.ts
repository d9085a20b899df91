import { rm } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Authorize, CurrentUser } from '../../core/auth/access.decorators.js';
import type { RequestUser } from '../../core/auth/request-user.js';
import {
  CreateLedgerDto,
  CreateProgressDto,
  ImportResultDto,
  LedgerDetailDto,
  LedgerListDto,
  LedgerProgressDto,
  ListLedgersQueryDto,
  ReportBackDto,
  ReportBackViewDto,
} from './dto/ledger.dto.js';
import { writeLedgerWorkbook } from './ledger-xlsx.js';
import { LedgersService } from './ledgers.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function xlsxFile(stream: PassThrough, filename: string): StreamableFile {
  return new StreamableFile(stream, { type: XLSX, disposition: `attachment; filename*=UTF-8''${encodeURIComponent(filename)}` });
}

@ApiTags('ledgers')
@ApiBearerAuth()
@Controller('ledgers')
export class LedgersController {
  constructor(private readonly ledgers: LedgersService) {}

  @Post()
  @Authorize('create', 'Ledger')
  @ApiCreatedResponse({ type: LedgerDetailDto })
  create(@CurrentUser() user: RequestUser, @Body() dto: CreateLedgerDto): Promise<LedgerDetailDto> {
    return this.ledgers.create(user, dto);
  }

  @Get()
  @Authorize('read', 'Ledger')
  @ApiOkResponse({ type: LedgerListDto })
  list(@CurrentUser() user: RequestUser, @Query() q: ListLedgersQueryDto): Promise<LedgerListDto> {
    return this.ledgers.list(user, q);
  }

  /** The empty import template (台账 sheet with Chinese headers and a hidden row of field keys, plus 说明). */
  @Get('template')
  @Authorize('import', 'Ledger')
  @ApiProduces(XLSX)
  template(): StreamableFile {
    const out = new PassThrough();
    writeLedgerWorkbook(out, [], { withExportColumns: false }).catch((err) => out.destroy(err));
    return xlsxFile(out, '台账导入模板.xlsx');
  }

  @Get(':id')
  @Authorize('read', 'Ledger')
  @ApiOkResponse({ type: LedgerDetailDto })
  get(@CurrentUser() user: RequestUser, @Param('id') id: string): Promise<LedgerDetailDto> {
    return this.ledgers.get(user, id);
  }

  /** All rows or none: any bad row answers 422 with every row error in `details`. */
  @Post(':id/import')
  @Authorize('import', 'Ledger')
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: ImportResultDto })
  async import(@CurrentUser() user: RequestUser, @Param('id') id: string, @UploadedFile() file: { path: string } | undefined): Promise<ImportResultDto> {
    try {
      return await this.ledgers.importFile(user, id, file);
    } finally {
      if (file?.path) await rm(file.path, { force: true });
    }
  }

  /** The ledger in the import template plus 案件编号, 状态, 序时进展, 销号日期, 是否超期 — the caller's part only, no reporter PII. */
  @Get(':id/export')
  @Authorize('export', 'Ledger')
  @ApiProduces(XLSX)
  async export(@CurrentUser() user: RequestUser, @Param('id') id: string): Promise<StreamableFile> {
    const { ledger, rows } = await this.ledgers.exportRows(user, id);
    const out = new PassThrough();
    writeLedgerWorkbook(out, rows, { withExportColumns: true, title: ledger.title }).catch((err) => out.destroy(err));
    const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
    return xlsxFile(out, `${ledger.title}-${day}.xlsx`);
  }

  @Post(':id/items/:itemId/progress')
  @Authorize('report_progress', 'Case')
  @ApiCreatedResponse({ type: LedgerProgressDto })
  progress(@CurrentUser() user: RequestUser, @Param('id') id: string, @Param('itemId') itemId: string, @Body() dto: CreateProgressDto): Promise<LedgerProgressDto> {
    return this.ledgers.addProgress(user, id, itemId, dto);
  }

  @Post(':id/report-back')
  @HttpCode(201)
  @Authorize('report_back', 'Ledger')
  @ApiCreatedResponse({ type: ReportBackViewDto })
  reportBack(@CurrentUser() user: RequestUser, @Param('id') id: string, @Body() dto: ReportBackDto): Promise<ReportBackViewDto> {
    return this.ledgers.reportBack(user, id, dto);
  }
}
