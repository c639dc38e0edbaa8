import { z } from 'zod/mini';
import { Capture } from './capture';
import { ProposalField, ProposalStatus } from './enums';
import { ProposalId } from './ids';
import { MetadataPatchSchema, MetadataSchema } from './metadata';
import { DateTime } from './text';

export const Proposal = z.object({
  id: ProposalId,
  field_name: ProposalField,
  current_value: z.string(),
  proposed_value: z.string(),
  /** A decimal string, 0.00-1.00 with two decimals. */
  confidence: z.string().check(z.regex(/^(0(\.\d{1,2})?|1(\.0{1,2})?)$/)),
  reasoning: z.string(),
  source: z.string().check(z.maxLength(100)),
  status: ProposalStatus,
  created: DateTime,
  metadata: MetadataSchema,
  reviewed_at: z.nullable(DateTime),
});
export type Proposal = z.infer<typeof Proposal>;

export const ProposalList = z.array(Proposal);

export const ReviewProposalRequest = z.object({
  status: z.enum(['ACCEPTED', 'REJECTED']),
  metadata: z.optional(MetadataPatchSchema),
});
export type ReviewProposalRequest = z.input<typeof ReviewProposalRequest>;

/** Part B leaves apply's response open; we return the count and the refreshed capture. */
export const ApplyProposalsResponse = z.object({
  applied_count: z.int().check(z.nonnegative()),
  capture: Capture,
});
export type ApplyProposalsResponse = z.infer<typeof ApplyProposalsResponse>;
