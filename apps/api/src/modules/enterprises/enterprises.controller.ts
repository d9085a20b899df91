import { rm } from 'node:fs/promises';
import { Controller, Get, Param, Post, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-fastify';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { normaliseCreditCode } from '@ecoloop/workflow';
import { Authorize, CurrentUser } from '../../core/auth/access.decorators.js';
import type { RequestUser } from '../../core/auth/request-user.js';
import { ApiErrors, ApiFileResponse, ApiProtected, ApiSummary } from '../../core/openapi/api-docs.decorators.js';
import { EnterpriseDetailDto, EnterpriseImportResultDto, EnterpriseListDto, ListEnterprisesQueryDto } from './dto/enterprise.dto.js';
import { enterpriseWorkbook } from './enterprise-xlsx.js';
import { EnterprisesService } from './enterprises.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('enterprises')
@ApiBearerAuth()
@ApiProtected()
@Controller('enterprises')
export class EnterprisesController {
  constructor(private readonly enterprises: EnterprisesService) {}

  /** The registry: q matches the name or the credit code; counts per colour give the red and yellow lists their sizes. */
  @Get()
  @Authorize('read', 'Enterprise')
  @ApiSummary('The enterprise registry (企业名录) with health codes and counts per colour')
  @ApiOkResponse({ type: EnterpriseListDto })
  @ApiErrors(400)
  list(@Query() q: ListEnterprisesQueryDto): Promise<EnterpriseListDto> {
    return this.enterprises.list(q);
  }

  /** The import template: a title row, the header and one example row (a made-up but valid credit code). */
  @Get('template')
  @Authorize('import', 'Enterprise')
  @ApiSummary('The registry import template (xlsx)')
  @ApiFileResponse('the template', XLSX)
  async template(): Promise<StreamableFile> {
    const example = { creditCode: '91350100M000100Y43', name: '（示例）嘉兴某某印染有限公司', region: '凤桥镇', address: '凤桥镇工业园区1号', industry: '印染', keyDischarger: '是', lng: 120.86, lat: 30.68, contactName: '王经理', contactPhone: '0573-83000000', creditRating: 'B' };
    return new StreamableFile(await enterpriseWorkbook([example]), { type: XLSX, disposition: `attachment; filename*=UTF-8''${encodeURIComponent('企业名录导入模板.xlsx')}` });
  }

  /** All rows or none: any bad row answers 422 with every row error in `details`. */
  @Post('import')
  @Authorize('import', 'Enterprise')
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: EnterpriseImportResultDto })
  @ApiSummary('Import the registry from xlsx (all rows or none)')
  @ApiErrors(400, 413, 415, 422)
  async import(@CurrentUser() user: RequestUser, @UploadedFile() file: { path: string } | undefined): Promise<EnterpriseImportResultDto> {
    try {
      return await this.enterprises.importFile(user, file);
    } finally {
      if (file?.path) await rm(file.path, { force: true });
    }
  }

  /** The enterprise with its health code and reasons, its cases in scope, code history, repairs, enforcement and 约谈. */
  @Get(':creditCode')
  @Authorize('read', 'Enterprise')
  @ApiSummary('An enterprise with its health code and reasons, its cases, code history, credit repairs, enforcement and interviews')
  @ApiOkResponse({ type: EnterpriseDetailDto })
  @ApiErrors(404)
  get(@CurrentUser() user: RequestUser, @Param('creditCode') creditCode: string): Promise<EnterpriseDetailDto> {
    return this.enterprises.get(user, normaliseCreditCode(creditCode));
  }
}
