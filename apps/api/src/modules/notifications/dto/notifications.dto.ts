import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

const toBool = ({ value }: { value: unknown }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value);

/** GET /notifications */
export class ListNotificationsQueryDto {
  @ApiPropertyOptional({ description: 'only unread ones' }) @IsOptional() @Transform(toBool) @IsBoolean() unread?: boolean;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) page = 1;
  @ApiPropertyOptional({ default: 20 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize = 20;
}

export class NotificationDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'overdue', description: 'overdue | auto_supervise | reminder' }) kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ nullable: true, type: String }) caseId!: string | null;
  @ApiProperty({ nullable: true, type: String }) caseCode!: string | null;
  @ApiProperty() read!: boolean;
  @ApiProperty({ nullable: true, type: String }) readAt!: string | null;
  @ApiProperty() createdAt!: string;
}

export class NotificationListDto {
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
  @ApiProperty({ description: 'matching the filter' }) total!: number;
  @ApiProperty({ description: 'unread in the whole inbox' }) unread!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class ReadAllResultDto {
  @ApiProperty({ description: 'notifications marked read' }) updated!: number;
}
