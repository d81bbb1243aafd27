const allDay = [{ from: '00:00', to: '24:00' }];

/** A calendar open around the clock every day: follow-up timers in e2e tests count real minutes, any day. */
export const ALWAYS_OPEN_CALENDAR = {
  id: 'dygnet-runt',
  name: 'Dygnet runt',
  definition: {
    weeklyHours: Object.fromEntries(
      ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((day) => [day, allDay]),
    ),
    closedOnPublicHolidays: false,
    closedOnDeFactoHolidays: false,
  },
};
