import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A message that was accepted and kept but could not be turned into an event; admins see and re-process it. */
@Entity({ name: 'quarantined_message' })
export class QuarantinedMessageEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'quarantined_message_pkey' })
  id: string;

  @Column('text', { name: 'raw_blob_key' })
  rawBlobKey: string;

  @Column('text')
  reason: string;

  @Column('jsonb')
  envelope: Record<string, unknown>;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt: Date;
}
