export { MessagingNames } from './names.js';
export { connectNats, type ConnectNatsOptions } from './nats.js';
