import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A message that was accepted and kept but could not be turned into an event; admins see and re-process it. */
@Entity({ name: 'quarantined_message' })
@Index('quarantined_message_status_received_idx', ['status', 'receivedAt', 'id'])
export class QuarantinedMessageEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'quarantined_message_pkey' })
  id: string;

  @Column('text', { default: 'email' })
  channel: string;

  /** `quarantined` until a re-process succeeds (or finds it was a duplicate), then `reprocessed`. */
  @Column('text', { default: 'quarantined' })
  status: string;

  @Column('bigint', { name: 'raw_size', default: 0 })
  rawSize: string;

  @Column('integer', { default: 0 })
  attempts: number;

  @Column('timestamptz', { name: 'reprocessed_at', nullable: true })
  reprocessedAt: Date | null;

  @Column('text', { name: 'reprocessed_by', nullable: true })
  reprocessedBy: string | null;

  @Column('text', { name: 'raw_blob_key' })
  rawBlobKey: string;

  @Column('text')
  reason: string;

  @Column('jsonb')
  envelope: Record<string, unknown>;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt: Date;
}
