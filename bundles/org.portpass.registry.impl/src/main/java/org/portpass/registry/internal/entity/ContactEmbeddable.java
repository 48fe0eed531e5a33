package org.portpass.registry.internal.entity;

import javax.persistence.Column;
import javax.persistence.Embeddable;

@Embeddable
public class ContactEmbeddable {
  @Column(name = "name", nullable = false)
  private String name;

  @Column(name = "title")
  private String title;

  @Column(name = "phone")
  private String phone;

  @Column(name = "email")
  private String email;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }
}
