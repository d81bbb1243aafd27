export { createTestContext, type TestContext, type TestContextOptions } from './test-context.js';
export { expectEventually, type EventuallyOptions } from './expect-eventually.js';
export { factory } from './factory.js';
export { readStream, type StoredMessage } from './read-stream.js';
export { freePort } from './free-port.js';
export { startFakeElks, type ElksRequest, type FakeElks } from './fake-elks.js';
