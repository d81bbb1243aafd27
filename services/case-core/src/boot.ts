import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { AppModule, type CaseCoreInfrastructure } from './app.module.js';

/** Starts case-core on the given infrastructure: the RPC subjects answer and the relay publishes. */
export async function startCaseCore(infra: CaseCoreInfrastructure): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(infra), { logger: false });
  app.enableShutdownHooks();
  await app.init();
  return app;
}
