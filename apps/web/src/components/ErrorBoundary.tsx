import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ApiError } from '../api';
import { isNetworkFailure, LoadError } from './LoadError';

interface Props {
  children: ReactNode;
  /** Changing it (e.g. the path) clears a caught error. */
  resetKey?: string;
}

/**
 * Keeps a failed page from blanking the screen: a page whose code could not be loaded (offline) or
 * that threw while rendering shows "网络异常，重试" / "页面出错" with a retry instead of a white page.
 */
export class ErrorBoundary extends Component<Props, { error: unknown; key?: string }> {
  state: { error: unknown; key?: string } = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: { error: unknown; key?: string }) {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('page failed', error, info.componentStack);
  }

  private retry = () => {
    // A lazy import that failed stays failed in this document: load the page afresh, once online
    // (reloading while offline would replace the app with the browser's own error page).
    if (!isNetworkFailure(this.state.error)) this.setState({ error: null });
    else if (navigator.onLine) window.location.reload();
    else this.setState({ error: new ApiError(0, 'NetworkError', '仍未连接网络') });
  };

  render(): ReactNode {
    if (this.state.error) return <LoadError error={this.state.error} onRetry={this.retry} title="页面出错" />;
    return this.props.children;
  }
}
