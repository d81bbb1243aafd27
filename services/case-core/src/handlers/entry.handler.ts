import { addEntryV1, getEntryV1, listEntriesV1 } from '@arende/contracts';
import type { RpcServer } from '@arende/messaging';
import type { EntryService } from '../services/entry.service.js';

/**
 * The NATS edge for entries. Every kind may be added here (intake, notifications and routing add theirs);
 * the gateway lets agents add only the staff-writable kinds.
 */
export class EntryHandler {
  constructor(
    private readonly rpc: RpcServer,
    private readonly entries: EntryService,
  ) {}

  listen(): void {
    this.rpc.handle(addEntryV1, (data, ctx) => this.entries.add(data, ctx));
    this.rpc.handle(getEntryV1, (data, ctx) => this.entries.get(data.entryId, data.number, ctx));
    this.rpc.handle(listEntriesV1, (data, ctx) => this.entries.list(data, ctx));
  }
}
