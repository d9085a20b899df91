import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

const toList = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value);

const toBool = ({ value }: { value: unknown }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value);

/** GET /notifications */
export class ListNotificationsQueryDto {
  @ApiPropertyOptional({ description: 'only unread ones' }) @IsOptional() @Transform(toBool) @IsBoolean() unread?: boolean;
  @ApiPropertyOptional({ description: 'only these kinds (comma-separated), e.g. assigned,rework', type: [String] })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(20)
  @Matches(/^[a-z_]{1,40}$/, { each: true, message: '通知类型不正确' })
  kind?: string[];
  @ApiPropertyOptional({ type: 'integer', default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) page = 1;
  @ApiPropertyOptional({ type: 'integer', default: 20 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize = 20;
}

export class NotificationDto {
  id!: string;
  @ApiProperty({ example: 'overdue', description: 'overdue | auto_supervise | reminder | calendar_missing | assigned | returned | rework | signoff | accepted | rejected | closed' }) kind!: string;
  title!: string;
  body!: string;
  @ApiProperty({ nullable: true, type: String }) caseId!: string | null;
  @ApiProperty({ nullable: true, type: String }) caseCode!: string | null;
  read!: boolean;
  @ApiProperty({ nullable: true, type: String }) readAt!: string | null;
  createdAt!: string;
}

export class NotificationListDto {
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
  @ApiProperty({ description: 'matching the filter' }) total!: number;
  @ApiProperty({ description: 'unread in the whole inbox' }) unread!: number;
  @ApiProperty({ description: 'unread in the whole inbox by kind', type: 'object', additionalProperties: { type: 'integer' } })
  unreadByKind!: Record<string, number>;
  page!: number;
  pageSize!: number;
}

export class ReadAllResultDto {
  @ApiProperty({ description: 'notifications marked read' }) updated!: number;
}
