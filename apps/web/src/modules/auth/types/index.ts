/** `user` in the login answer and in GET /me (DESIGN §6): the generated API types. */
export type { LoginResult, MeResult, SessionUser } from '../../../api/auth';
