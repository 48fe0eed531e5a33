package org.portpass.application;

/** A line and the revision the reviewer saw, for a decision on many lines at once. */
public record LineRef(long lineId, int revision) {}
