export { api, ApiError, asList, buildUrl, errorText, onSessionExpired, request, type Query } from './http';
export { getTokens, setTokens, type Tokens } from './tokens';
