import type { DistributionKind, Inbox } from '@arende/contracts';

/** The heading of a distribution entry, in Swedish: agents read it on the case's timeline. */
export function distributionHeading(kind: DistributionKind, target: Inbox | null, to: readonly string[]): string {
  switch (kind) {
    case 'work_group':
      return `Fördelat till arbetsgruppen ${target?.name ?? ''}`;
    case 'specialist_group':
      return `Fördelat till specialistgruppen ${target?.name ?? ''}`;
    case 'external_party':
      return `Fördelat till extern intressent ${target?.name ?? ''}`;
    case 'external_system':
      return `Fördelat via e-post till ${to.join(', ')}`;
    case 'for_information':
      return `Skickat för kännedom till ${to.join(', ')}`;
  }
}

export function feedbackRequiredLine(): string {
  return 'Återkoppling krävs: specialistgruppen lämnar tillbaka ärendet i stället för att avsluta det.';
}

export function feedbackHeading(from: Inbox | null, fromInboxId: string): string {
  return `Återkoppling från ${from?.name ?? fromInboxId}`;
}

/** Heading and note as one entry text. */
export function entryText(heading: string, ...lines: string[]): string {
  return [heading, ...lines.filter((line) => line.trim() !== '')].join('\n\n');
}
