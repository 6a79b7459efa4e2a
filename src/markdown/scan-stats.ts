/**
 * Characters the parsers have examined since load. Tests read it to prove that streaming work per update stays
 * flat as a document grows (a unit test must not measure time); production code never reads it. `inline` counts
 * the characters given to the inline parser alone.
 */
export const scanStats = { scanned: 0, inline: 0 };
