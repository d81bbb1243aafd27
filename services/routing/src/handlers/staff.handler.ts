import { getStaffByUserNameV1, getStaffV1, saveStaffV1, searchDirectoryV1 } from '@arende/contracts';
import type { RpcServer } from '@arende/messaging';
import type { StaffService } from '../services/staff.service.js';

/** The NATS edge of the staff directory. */
export class StaffHandler {
  constructor(
    private readonly rpc: RpcServer,
    private readonly staff: StaffService,
  ) {}

  listen(): void {
    this.rpc
      .handle(saveStaffV1, (data, ctx) => this.staff.save(data, ctx))
      .handle(getStaffV1, (data) => this.staff.get(data.id))
      .handle(getStaffByUserNameV1, (data) => this.staff.getByUserName(data.userName))
      .handle(searchDirectoryV1, (data) => this.staff.search(data));
  }
}
