package org.portpass.registry;

import java.util.Set;

/** Attachment types and the file formats each accepts (checked from the bytes, not the name). */
public enum AttachmentType {
  PHOTO(Set.of(FileFormat.JPEG, FileFormat.PNG)),
  ID_COPY(Set.of(FileFormat.JPEG, FileFormat.PNG, FileFormat.PDF)),
  VEHICLE_REGISTRATION(Set.of(FileFormat.JPEG, FileFormat.PNG, FileFormat.PDF)),
  INSURANCE(Set.of(FileFormat.JPEG, FileFormat.PNG, FileFormat.PDF)),
  TRAINING_CERTIFICATE(Set.of(FileFormat.JPEG, FileFormat.PNG, FileFormat.PDF)),
  COMPANY_REGISTRATION(Set.of(FileFormat.JPEG, FileFormat.PNG, FileFormat.PDF)),
  OTHER(Set.of(FileFormat.JPEG, FileFormat.PNG, FileFormat.PDF));

  private final Set<FileFormat> formats;

  AttachmentType(Set<FileFormat> formats) {
    this.formats = formats;
  }

  public Set<FileFormat> formats() {
    return formats;
  }
}
