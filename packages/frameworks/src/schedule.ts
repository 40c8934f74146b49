// Obligation scheduling: turns a Schedule (types.ts) into dated occurrences in the organisation's time
// zone. Placeholder until the obligations slice lands.
export {};
