// The date-order setting on its own, without luxon: the settings schema and the settings store
// need it before any screen loads, and the first chunk should not carry the date library for it.

/** How numeric dates such as 5/6/2026 are read. */
export const DATE_ORDERS = ['month-first', 'day-first'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];
/** Until the user chooses: the order of the US-style dates most postmortems we read are written in. */
export const DEFAULT_DATE_ORDER: DateOrder = 'month-first';
