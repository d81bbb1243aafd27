import {
  createCustomerV1,
  getCustomerV1,
  linkCustomerV1,
  listCaseCustomersV1,
  listCustomerCasesV1,
  searchCustomersV1,
  unlinkCustomerV1,
  updateCustomerV1,
} from '@arende/contracts';
import type { RpcServer } from '@arende/messaging';
import type { CustomerService } from '../services/customer.service.js';

/** The NATS edge of customer cards: each request is parsed by its contract, then handed to one service method. */
export class CustomerHandler {
  constructor(
    private readonly rpc: RpcServer,
    private readonly customers: CustomerService,
  ) {}

  listen(): void {
    this.rpc.handle(createCustomerV1, (data, ctx) => this.customers.create(data, ctx));
    this.rpc.handle(getCustomerV1, (data, ctx) => this.customers.get(data.id, ctx));
    this.rpc.handle(updateCustomerV1, (data, ctx) => this.customers.update(data, ctx));
    this.rpc.handle(searchCustomersV1, (data, ctx) => this.customers.search(data, ctx));
    this.rpc.handle(linkCustomerV1, (data, ctx) => this.customers.link(data.number, data.customerId, ctx));
    this.rpc.handle(unlinkCustomerV1, (data, ctx) => this.customers.unlink(data.number, data.customerId, ctx));
    this.rpc.handle(listCaseCustomersV1, (data, ctx) => this.customers.listByCase(data.number, ctx));
    this.rpc.handle(listCustomerCasesV1, (data, ctx) => this.customers.listCases(data, ctx));
  }
}
