export { ApiError, client, download, errorText, ok, onSessionExpired, setReauthenticate, type Schemas } from './http';
export { getTokens, setTokens, type Tokens } from './tokens';
