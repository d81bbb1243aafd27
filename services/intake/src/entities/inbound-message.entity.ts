import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One accepted inbound message of any channel, once per `messageId` (an e-mail's Message-ID, or
 * `<channel>:<provider id>` for the others); its event went out through the outbox in the same transaction.
 */
@Entity({ name: 'inbound_message' })
@Index('inbound_message_message_id_key', ['messageId'], { unique: true })
export class InboundMessageEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'inbound_message_pkey' })
  id: string;

  @Column('text', { default: 'email' })
  channel: string;

  @Column('text', { name: 'message_id' })
  messageId: string;

  @Column('text', { name: 'raw_blob_key' })
  rawBlobKey: string;

  @Column('text', { name: 'from_address', nullable: true })
  fromAddress: string | null;

  @Column('text', { array: true, name: 'rcpt_to' })
  rcptTo: string[];

  @Column('boolean', { name: 'auto_reply' })
  autoReply: boolean;

  @Column('boolean')
  bounce: boolean;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt: Date;
}
