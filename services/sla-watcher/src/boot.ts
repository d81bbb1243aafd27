import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { AppModule, type SlaWatcherInfrastructure } from './app.module.js';

/** Starts sla-watcher on the given infrastructure: the consumer reads, the timer loop fires, the relay publishes. */
export async function startSlaWatcher(infra: SlaWatcherInfrastructure): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(infra), { logger: false });
  app.enableShutdownHooks();
  await app.init();
  return app;
}
