import { InboundMessageEntity } from './inbound-message.entity.js';
import { QuarantinedMessageEntity } from './quarantined-message.entity.js';

export const ENTITIES = [InboundMessageEntity, QuarantinedMessageEntity];
