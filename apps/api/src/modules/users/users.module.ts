import { Module } from '@nestjs/common';
import { RegionsModule } from '../regions/regions.module.js';
import { UnitsModule } from '../units/units.module.js';
import { UsersController } from './users.controller.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [RegionsModule, UnitsModule],
  controllers: [UsersController],
  providers: [UsersService, UsersRepository],
  exports: [UsersRepository],
})
export class UsersModule {}
