package dev.convergence.focus;

/** What one step of a {@link ConversionStream} yields: a FOCUS row, or a rejected source record. */
public sealed interface Converted permits FocusRow, Reject {}
