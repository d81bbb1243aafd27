import { getRelationsV1, relateCasesV1, unrelateCaseV1 } from '@arende/contracts';
import type { RpcServer } from '@arende/messaging';
import type { RelationService } from '../services/relation.service.js';

/** The NATS edge of master and child cases. */
export class RelationHandler {
  constructor(
    private readonly rpc: RpcServer,
    private readonly relations: RelationService,
  ) {}

  listen(): void {
    this.rpc.handle(relateCasesV1, (data, ctx) => this.relations.relate(data, ctx));
    this.rpc.handle(unrelateCaseV1, (data, ctx) => this.relations.unrelate(data, ctx));
    this.rpc.handle(getRelationsV1, (data, ctx) => this.relations.get(data.number, ctx));
  }
}
