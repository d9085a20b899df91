import { Button, Result } from 'antd';
import { ApiError, errorText } from '../api';

/** A load failed to answer at all (offline) or a page's code could not be fetched. */
export function isNetworkFailure(error: unknown): boolean {
  if (error instanceof ApiError) return error.isNetwork;
  const text = String((error as Error)?.message ?? error);
  // A lazy page's chunk that never arrived (Chromium / Firefox / Safari wording).
  return /Failed to fetch|dynamically imported module|Importing a module script failed|error loading dynamically|NetworkError/i.test(text);
}

/** What a failed load says, with 重试: "网络异常" when nothing answered, otherwise the API's reason. */
export function LoadError({ error, onRetry, title }: { error: unknown; onRetry: () => void; title?: string }) {
  const network = isNetworkFailure(error);
  return (
    <Result
      status="warning"
      title={network ? '网络异常' : (title ?? '加载失败')}
      subTitle={network ? '请检查网络连接后重试，已填写的内容不会丢失' : errorText(error)}
      extra={
        <Button type="primary" onClick={onRetry} data-testid="load-retry">
          {network ? '网络异常，重试' : '重试'}
        </Button>
      }
      data-testid="load-error"
    />
  );
}
