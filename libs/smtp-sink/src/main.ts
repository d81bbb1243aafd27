#!/usr/bin/env node
// Runs the SMTP sink on its own: SMTP_SINK_SMTP_PORT (2526) and SMTP_SINK_HTTP_PORT (8111).
import { startSmtpSink } from './smtp-sink.js';

const sink = await startSmtpSink({
  smtpPort: Number(process.env.SMTP_SINK_SMTP_PORT ?? 2526),
  httpPort: Number(process.env.SMTP_SINK_HTTP_PORT ?? 8111),
  host: process.env.SMTP_SINK_HOST ?? '127.0.0.1',
});
process.stdout.write(`SMTP sink: smtp://127.0.0.1:${sink.smtpPort}, messages at ${sink.url}\n`);
const stop = () => {
  void sink.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
