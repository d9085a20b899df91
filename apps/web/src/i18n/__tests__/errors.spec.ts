import { describe, expect, it } from '@jest/globals';
import { errorMessage, failureMessage, isChineseText } from '../errors';

describe('error texts on screen are Chinese only (issue 19)', () => {
  it('never passes the API’s English through, by code or by status', () => {
    expect(errorMessage(403, 'forbidden', 'Not permitted')).toBe('无权进行此操作');
    expect(errorMessage(429, undefined, 'Too many login attempts; try again in a minute')).toBe('请求过于频繁，请稍后再试');
    expect(errorMessage(415, undefined, 'File content is not an allowed type (unknown); images, PDF, video and Office documents are accepted')).toBe('不支持的文件类型');
  });

  it('shows a Chinese server text, but not one carrying English words or codes', () => {
    expect(errorMessage(429, undefined, '上传过于频繁：已达每小时上传数量上限')).toBe('上传过于频繁：已达每小时上传数量上限');
    expect(errorMessage(400, undefined, '类别 made_up 不存在')).toBe('填写内容有误');
    expect(errorMessage(403, undefined, '无权操作（Not permitted）')).toBe('无权进行此操作');
    expect(isChineseText('请上传 Excel（.xlsx）文件')).toBe(true);
  });

  it('puts any other failure in Chinese', () => {
    expect(failureMessage('请上传至少 1 个现场照片')).toBe('请上传至少 1 个现场照片');
    expect(failureMessage('Failed to fetch')).toBe('网络连接失败，请检查网络后重试');
    expect(failureMessage("Cannot read properties of undefined (reading 'x')")).toBe('操作失败，请稍后重试');
    expect(failureMessage(undefined)).toBe('操作失败，请稍后重试');
  });
});
