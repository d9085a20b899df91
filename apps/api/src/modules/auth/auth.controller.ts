import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, Public } from '../../core/auth/access.decorators.js';
import type { RequestUser } from '../../core/auth/request-user.js';
import { byIp, RateLimit } from '../../core/http/rate-limit.guard.js';
import { LoginThrottlerGuard, loginName } from './login-throttler.guard.js';
import { AuthService } from './auth.service.js';
import { LoginDto, MeDto, RefreshDto, TokensDto } from './dto/auth.dto.js';
import { ApiErrors, ApiPublic, ApiSummary } from '../../core/openapi/api-docs.decorators.js';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @RateLimit(
    { name: 'login-ip', limit: (c) => c.loginIpRateLimitPerMinute, windowMs: 60_000, blockMs: 300_000, key: byIp, message: '该地址登录尝试过多，请 5 分钟后再试' },
    { name: 'login-user', limit: (c) => c.loginUserRateLimitPerMinute, windowMs: 60_000, blockMs: 120_000, key: loginName, message: '该账号登录尝试过多，请 2 分钟后再试' },
  )
  @UseGuards(LoginThrottlerGuard)
  @Post('auth/login')
  @HttpCode(200)
  @ApiOkResponse({ type: TokensDto })
  @ApiPublic()
  @ApiSummary('Log in with username and password')
  @ApiErrors(400, 401, 429)
  login(@Body() dto: LoginDto): Promise<TokensDto> {
    return this.auth.login(dto.username, dto.password);
  }

  @Public()
  @RateLimit({ name: 'refresh-ip', limit: 30, windowMs: 60_000, key: byIp, message: '刷新令牌过于频繁，请稍后再试' })
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: TokensDto })
  @ApiPublic()
  @ApiSummary('Exchange a refresh token for new tokens (rotation)')
  @ApiErrors(400, 401)
  refresh(@Body() dto: RefreshDto): Promise<TokensDto> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Get('me')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeDto })
  @ApiSummary('The logged-in user, roles, jurisdiction and permissions')
  @ApiErrors(401)
  me(@CurrentUser() user: RequestUser): MeDto {
    return this.auth.me(user);
  }
}
