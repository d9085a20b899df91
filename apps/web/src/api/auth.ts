import { client, ok, type Schemas } from './http';
import { setTokens } from './tokens';

export type LoginResult = Schemas['TokensDto'];
export type MeResult = Schemas['MeDto'];
export type SessionUser = Schemas['UserDto'];

export const authApi = {
  async login(username: string, password: string): Promise<LoginResult> {
    const res = await ok(client.POST('/api/v1/auth/login', { body: { username, password } }));
    setTokens({ accessToken: res.accessToken, refreshToken: res.refreshToken });
    return res;
  },
  me: () => ok(client.GET('/api/v1/me')),
  logout(): void {
    setTokens(null);
  },
};
