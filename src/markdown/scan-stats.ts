/**
 * Characters the parsers have examined since load. Tests read it to prove that streaming work per update stays
 * flat as a document grows (a unit test must not measure time); production code never reads it.
 */
export const scanStats = { scanned: 0 };
