import { type Actor, CaseNumberSchema, getCaseV1 } from '@arende/contracts';
import type { RpcClient } from '@arende/messaging';
import { parse } from '../http/parse.js';
import { requestContext } from './case.controller.js';

/**
 * The case number, once case-core has let the caller read the case (CASE.NOT_FOUND otherwise): for routes whose
 * data another service keeps, so a case the caller may not see stays invisible there too.
 */
export async function visibleCase(rpc: RpcClient, number: string, actor: Actor): Promise<string> {
  const caseNumber = parse(CaseNumberSchema, number);
  await rpc.request(getCaseV1, { number: caseNumber }, requestContext(actor));
  return caseNumber;
}
