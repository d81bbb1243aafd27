import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { AppModule, type NotificationsInfrastructure } from './app.module.js';

/** Starts notifications on the given infrastructure: the RPC subjects answer and the relay publishes. */
export async function startNotifications(infra: NotificationsInfrastructure): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(infra), { logger: false });
  app.enableShutdownHooks();
  await app.init();
  return app;
}
