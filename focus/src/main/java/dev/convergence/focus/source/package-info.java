/**
 * What every provider reader shares: opening plain or gzip input, CSV headers and records, parsing
 * decimals and timestamps exactly, the service-category mapping tables, and stamping each row with
 * its {@code x_} columns and checking it before it leaves.
 */
package dev.convergence.focus.source;
