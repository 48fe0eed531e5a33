package org.portpass.registry;

/** A company contact (聯絡人). */
public record Contact(String name, String title, String phone, String email) {}
