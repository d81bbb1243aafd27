// The words of editing the case card's registration and content panels.
export const editSv = {
  'edit.open': 'Ändra (F2)',
  'edit.heading': 'Ändra ärendet',
  'edit.save': 'Spara',
  'edit.cancel': 'Avbryt (Esc)',
  'edit.saving': 'Sparar…',
  'edit.saved': 'Ärendet är sparat.',
  'edit.unchanged': 'Inget är ändrat.',
  'edit.noChoice': 'Ingen',
  'edit.inactive': '{name} (inaktiv)',
  'edit.noEventAt': 'Lämna tomt om inget datum är känt.',
  'edit.secrecyParagraph': 'Sekretessparagraf',
  'edit.secrecyHint': 'Till exempel OSL 26 kap. 1 §',
  'edit.conflict':
    'Någon annan ändrade ärendet medan du ändrade. Ärendet är omläst: fälten du inte rörde visar nu de nya värdena, dina ändringar ligger kvar. Granska och spara igen.',
  'edit.fieldError': 'Fel: {message}',
} as const;

export const editEn: Record<keyof typeof editSv, string> = {
  'edit.open': 'Edit (F2)',
  'edit.heading': 'Edit the case',
  'edit.save': 'Save',
  'edit.cancel': 'Cancel (Esc)',
  'edit.saving': 'Saving…',
  'edit.saved': 'The case is saved.',
  'edit.unchanged': 'Nothing was changed.',
  'edit.noChoice': 'None',
  'edit.inactive': '{name} (inactive)',
  'edit.noEventAt': 'Leave empty if no date is known.',
  'edit.secrecyParagraph': 'Secrecy paragraph',
  'edit.secrecyHint': 'For example OSL 26 kap. 1 §',
  'edit.conflict':
    'Someone else changed the case while you were editing. The case has been read again: the fields you did not touch show the new values, your changes are kept. Check them and save again.',
  'edit.fieldError': 'Error: {message}',
};
