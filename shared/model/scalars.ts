// The smallest value types of the incident model, with no imports, so every model
// module (types.ts, coordinationTypes.ts) can use them without a cycle.

export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** ISO-8601 UTC instant string, with milliseconds; lexical order is time order. */
export type Instant = string;
