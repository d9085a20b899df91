import { rm } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-fastify';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
import { milestoneColumnsFor, writeLedgerWorkbook } from './ledger-xlsx.js';
import { ExportLimiter, yieldingRows } from './export-limiter.js';
import { LedgersService } from './ledgers.service.js';
import { LedgerSignoffService } from './ledger-signoff.service.js';
import { ItemPlanDto, ItemPlanViewDto, ItemSignoffDto, ItemSignoffViewDto } from './dto/ledger-signoff.dto.js';
import { CreateQuarterlyReportDto, TaskTableDto, TaskTableQueryDto } from './dto/ledger-task.dto.js';
import { LedgerTasksService } from './ledger-tasks.service.js';
import { UuidParamPipe } from '../../core/http/uuid-param.pipe.js';
import { ApiErrors, ApiFileResponse, ApiProtected, ApiSummary } from '../../core/openapi/api-docs.decorators.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Content-Disposition with a plain ASCII `filename=` for old clients and the UTF-8 name (RFC 6266). */
export function attachmentDisposition(filename: string, fallback: string): string {
  return `attachment; filename="${fallback.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

function xlsxFile(stream: PassThrough, filename: string, fallback = 'ledger.xlsx'): StreamableFile {
  return new StreamableFile(stream, { type: XLSX, disposition: attachmentDisposition(filename, fallback) });
}

@ApiTags('ledgers')
@ApiBearerAuth()
@ApiProtected()
@Controller('ledgers')
export class LedgersController {
  constructor(
    private readonly ledgers: LedgersService,
    private readonly exports: ExportLimiter,
    private readonly signoffs: LedgerSignoffService,
    private readonly tasks: LedgerTasksService,
  ) {}

  @Post()
  @Authorize('create', 'Ledger')
  @ApiCreatedResponse({ type: LedgerDetailDto })
  @ApiSummary('Create a ledger (台账)')
  @ApiErrors(400, 404)
  create(@CurrentUser() user: RequestUser, @Body() dto: CreateLedgerDto): Promise<LedgerDetailDto> {
    return this.ledgers.create(user, dto);
  }

  @Get()
  @Authorize('read', 'Ledger')
  @ApiOkResponse({ type: LedgerListDto })
  @ApiSummary('List ledgers in the caller’s scope')
  @ApiErrors(400)
  list(@CurrentUser() user: RequestUser, @Query() q: ListLedgersQueryDto): Promise<LedgerListDto> {
    return this.ledgers.list(user, q);
  }

  /** The empty import template (台账 sheet with Chinese headers and a hidden row of field keys, plus 说明). */
  @Get('template')
  @Authorize('import', 'Ledger')
  @ApiSummary('The empty xlsx import template')
  @ApiFileResponse('the template', XLSX)
  async template(@CurrentUser() user: RequestUser): Promise<StreamableFile> {
    const template = await this.ledgers.templateLists(user);
    const out = new PassThrough();
    writeLedgerWorkbook(out, [], { withExportColumns: false, template }).catch((err) => out.destroy(err));
    return xlsxFile(out, '台账导入模板.xlsx', 'ledger-template.xlsx');
  }

  @Get(':id')
  @Authorize('read', 'Ledger')
  @ApiOkResponse({ type: LedgerDetailDto })
  @ApiSummary('A ledger with its items, cases and progress')
  @ApiErrors(404)
  get(@CurrentUser() user: RequestUser, @Param('id', UuidParamPipe) id: string): Promise<LedgerDetailDto> {
    return this.ledgers.get(user, id);
  }

  /** All rows or none: any bad row answers 422 with every row error in `details`. */
  @Post(':id/import')
  @Authorize('import', 'Ledger')
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: ImportResultDto })
  @ApiSummary('Import the ledger’s items from xlsx (all rows or none)')
  @ApiErrors(400, 404, 409, 422)
  async import(@CurrentUser() user: RequestUser, @Param('id', UuidParamPipe) id: string, @UploadedFile() file: { path: string } | undefined): Promise<ImportResultDto> {
    try {
      return await this.ledgers.importFile(user, id, file);
    } finally {
      if (file?.path) await rm(file.path, { force: true });
    }
  }

  /** The ledger in the import template plus 案件编号, 状态, 序时进展, 销号日期, 是否超期 — the caller's part only, no reporter PII. */
  @Get(':id/export')
  @Authorize('export', 'Ledger')
  @ApiSummary('Export the ledger as xlsx')
  @ApiFileResponse('the ledger', XLSX)
  @ApiErrors(404)
  async export(@CurrentUser() user: RequestUser, @Param('id', UuidParamPipe) id: string): Promise<StreamableFile> {
    const release = await this.exports.acquire(user.id);
    let ledger: Awaited<ReturnType<LedgersService['exportRows']>>['ledger'];
    let rows: Awaited<ReturnType<LedgersService['exportRows']>>['rows'];
    try {
      ({ ledger, rows } = await this.ledgers.exportRows(user, id));
    } catch (err) {
      release();
      throw err;
    }
    const out = new PassThrough();
    out.once('close', release); // the client went away: the slot is free again
    writeLedgerWorkbook(out, yieldingRows(rows), { withExportColumns: true, title: ledger.title, milestoneColumns: milestoneColumnsFor(rows) })
      .catch((err) => out.destroy(err))
      .finally(release);
    const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
    return xlsxFile(out, `${ledger.title}-${day}.xlsx`, `ledger-${day}.xlsx`);
  }

  /** 交账 report package: every row's status, and the rows not signed off with the counties' explanations. */
  @Get(':id/report-package')
  @Authorize('export', 'Ledger')
  @ApiSummary('The 交账 report package as xlsx')
  @ApiFileResponse('the report package', XLSX)
  @ApiErrors(404)
  async reportPackage(@CurrentUser() user: RequestUser, @Param('id', UuidParamPipe) id: string): Promise<StreamableFile> {
    const release = await this.exports.acquire(user.id);
    let pkg: Awaited<ReturnType<LedgerSignoffService['reportPackage']>>;
    try {
      pkg = await this.signoffs.reportPackage(user, id);
    } catch (err) {
      release();
      throw err;
    }
    const out = new PassThrough();
    out.once('close', release);
    const appendix = { name: '未销号问题说明', header: ['序号', '问题标题', '状态', '销号阶段', '说明'], rows: pkg.unsigned };
    writeLedgerWorkbook(out, yieldingRows(pkg.rows), { withExportColumns: true, title: pkg.ledger.title, appendix, milestoneColumns: milestoneColumnsFor(pkg.rows) })
      .catch((err) => out.destroy(err))
      .finally(release);
    const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
    return xlsxFile(out, `${pkg.ledger.title}-交账报告-${day}.xlsx`, `ledger-report-${day}.xlsx`);
  }

  /** 整改方案: attach the row's rectification plan (an uploaded file). */
  @Put(':id/items/:itemId/plan')
  @Authorize('read', 'Ledger')
  @ApiOkResponse({ type: ItemPlanViewDto })
  @ApiSummary('Attach the row’s rectification plan (整改方案)')
  @ApiErrors(400, 404)
  plan(
    @CurrentUser() user: RequestUser,
    @Param('id', UuidParamPipe) id: string,
    @Param('itemId', UuidParamPipe) itemId: string,
    @Body() dto: ItemPlanDto,
  ): Promise<ItemPlanViewDto> {
    return this.signoffs.setPlan(user, id, itemId, dto.attachmentId);
  }

  /** One step of an inspection row's sign-off: accept (验收 materials) → publish (公示) → review (上级复核, 销号). */
  @Post(':id/items/:itemId/signoff')
  @HttpCode(201)
  @Authorize('read', 'Ledger')
  @ApiCreatedResponse({ type: ItemSignoffViewDto })
  @ApiSummary('Sign-off step of an inspection row (验收 → 公示 → 复核销号)')
  @ApiErrors(400, 404, 409)
  signoff(
    @CurrentUser() user: RequestUser,
    @Param('id', UuidParamPipe) id: string,
    @Param('itemId', UuidParamPipe) itemId: string,
    @Body() dto: ItemSignoffDto,
  ): Promise<ItemSignoffViewDto> {
    return this.signoffs.step(user, id, itemId, dto);
  }

  @Post(':id/items/:itemId/progress')
  @Authorize('report_progress', 'Case')
  @ApiCreatedResponse({ type: LedgerProgressDto })
  @ApiSummary('Report progress on a ledger item (序时进展)')
  @ApiErrors(400, 404)
  progress(@CurrentUser() user: RequestUser, @Param('id', UuidParamPipe) id: string, @Param('itemId', UuidParamPipe) itemId: string, @Body() dto: CreateProgressDto): Promise<LedgerProgressDto> {
    return this.ledgers.addProgress(user, id, itemId, dto);
  }

  /** 811 task table: 专项行动 → 主要任务 with each quarter's reports and the tasks not reported for the quarter. */
  @Get(':id/task-table')
  @Authorize('read', 'Ledger')
  @ApiOkResponse({ type: TaskTableDto })
  @ApiSummary('The 811 task table (专项行动 → 主要任务) with quarterly reports')
  @ApiErrors(400, 404, 422)
  taskTable(@CurrentUser() user: RequestUser, @Param('id', UuidParamPipe) id: string, @Query() q: TaskTableQueryDto): Promise<TaskTableDto> {
    return this.tasks.table(user, id, q.quarter);
  }

  /** A unit of a 主要任务 files its quarterly report (季度报告) to the action's lead office; one per unit and quarter. */
  @Post(':id/items/:itemId/quarterly-reports')
  @Authorize('report_progress', 'Case')
  @ApiCreatedResponse({ type: LedgerProgressDto })
  @ApiSummary('File a quarterly report on a 主要任务 (季度报告)')
  @ApiErrors(400, 404, 409, 422)
  quarterlyReport(
    @CurrentUser() user: RequestUser,
    @Param('id', UuidParamPipe) id: string,
    @Param('itemId', UuidParamPipe) itemId: string,
    @Body() dto: CreateQuarterlyReportDto,
  ): Promise<LedgerProgressDto> {
    return this.tasks.report(user, id, itemId, dto);
  }

  @Post(':id/report-back')
  @HttpCode(201)
  @Authorize('report_back', 'Ledger')
  @ApiCreatedResponse({ type: ReportBackViewDto })
  @ApiSummary('A county reports back its part of the ledger (交账)')
  @ApiErrors(400, 404, 409)
  reportBack(@CurrentUser() user: RequestUser, @Param('id', UuidParamPipe) id: string, @Body() dto: ReportBackDto): Promise<ReportBackViewDto> {
    return this.ledgers.reportBack(user, id, dto);
  }
}
