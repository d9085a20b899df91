import { ApiProperty } from '@nestjs/swagger';

/** An uploaded file (POST /attachments). */
export class AttachmentDto {
  id!: string;
  sha256!: string;
  size!: number;
  mime!: string;
  originalName!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null until a case or event uses it' }) caseId!: string | null;
}
