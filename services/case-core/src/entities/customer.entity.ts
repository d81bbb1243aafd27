import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A customer card (kundkort). The `search_*` columns are written by case-core from the fields beside them:
 * folded names, phone keys and lower-case e-mails, so that a search is one indexed lookup.
 */
@Entity({ name: 'customer' })
@Index('customer_pin_idx', ['personalIdentityNumber'])
// Declared here so TypeORM keeps them; created by the migration (GIN over trigrams and arrays).
@Index('customer_search_name_trgm_idx', { synchronize: false })
@Index('customer_search_phones_idx', { synchronize: false })
@Index('customer_search_emails_idx', { synchronize: false })
export class CustomerEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'customer_pkey' })
  id: string;

  @Column('integer')
  version: number;

  @Column('text')
  type: string;

  @Column('boolean', { default: false })
  anonymous: boolean;

  @Column('text', { name: 'first_name', nullable: true })
  firstName: string | null;

  @Column('text', { name: 'last_name', nullable: true })
  lastName: string | null;

  @Column('text', { name: 'company_name', nullable: true })
  companyName: string | null;

  @Column('text', { name: 'organisation_number', nullable: true })
  organisationNumber: string | null;

  @Column('text', { name: 'care_of', nullable: true })
  careOf: string | null;

  @Column('text', { name: 'street_address', nullable: true })
  streetAddress: string | null;

  @Column('text', { nullable: true })
  postcode: string | null;

  @Column('text', { nullable: true })
  city: string | null;

  @Column('text', { nullable: true })
  country: string | null;

  /** Twelve digits, YYYYMMDDNNNN. */
  @Column('text', { name: 'personal_identity_number', nullable: true })
  personalIdentityNumber: string | null;

  @Column('text', { name: 'home_phone', nullable: true })
  homePhone: string | null;

  @Column('text', { name: 'mobile_phone', nullable: true })
  mobilePhone: string | null;

  @Column('text', { name: 'work_phone', nullable: true })
  workPhone: string | null;

  @Column('text', { nullable: true })
  email: string | null;

  @Column('text', { name: 'other_email', nullable: true })
  otherEmail: string | null;

  @Column('text', { name: 'property_tract', nullable: true })
  propertyTract: string | null;

  @Column('text', { name: 'property_block', nullable: true })
  propertyBlock: string | null;

  @Column('text', { name: 'property_unit', nullable: true })
  propertyUnit: string | null;

  /** First, last and company name, lower case, accents removed, words separated by one space. */
  @Column('text', { name: 'search_name' })
  searchName: string;

  @Column('text', { name: 'search_phones', array: true })
  searchPhones: string[];

  @Column('text', { name: 'search_emails', array: true })
  searchEmails: string[];

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @Column('text', { name: 'created_by' })
  createdBy: string;
}
