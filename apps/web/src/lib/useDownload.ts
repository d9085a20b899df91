import { App } from 'antd';
import { useState } from 'react';
import { errorText } from '../api';
import { saveBlob } from './download';

/**
 * Fetching a file the server makes and handing it to the browser: `busy` while it comes; a failure
 * is told in a message `<failText>：<reason>`. `fallbackName` when the server names no file.
 */
export function useDownload() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async (file: () => Promise<{ blob: Blob; fileName?: string }>, fallbackName: string, failText = '下载失败') => {
    setBusy(true);
    try {
      const { blob, fileName } = await file();
      saveBlob(blob, fileName ?? fallbackName);
    } catch (e) {
      message.error(`${failText}：${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return { busy, download };
}
