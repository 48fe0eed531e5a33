package org.portpass.core;

/**
 * One problem with one input field; {@code field} is a JSON-pointer-like path such as {@code
 * lines/3/validTo}.
 */
public record FieldError(String field, String message) {}
