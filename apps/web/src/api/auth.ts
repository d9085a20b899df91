import { api, setTokens } from './index';
import type { LoginResult, MeResult } from '../modules/auth/types';

export const authApi = {
  async login(username: string, password: string): Promise<LoginResult> {
    const res = await api.post<LoginResult>('/auth/login', { username, password }, { anonymous: true });
    setTokens({ accessToken: res.accessToken, refreshToken: res.refreshToken });
    return res;
  },
  me: () => api.get<MeResult>('/me'),
  logout(): void {
    setTokens(null);
  },
};
