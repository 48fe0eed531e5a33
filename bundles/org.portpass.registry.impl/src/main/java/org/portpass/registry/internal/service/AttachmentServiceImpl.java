package org.portpass.registry.internal.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.portpass.core.Caller;
import org.portpass.core.NotFoundException;
import org.portpass.registry.Attachment;
import org.portpass.registry.AttachmentContent;
import org.portpass.registry.AttachmentService;
import org.portpass.registry.AttachmentType;
import org.portpass.registry.FileFormat;
import org.portpass.registry.NewAttachment;
import org.portpass.registry.OwnerKind;
import org.portpass.registry.internal.entity.AttachmentContentEntity;
import org.portpass.registry.internal.entity.AttachmentEntity;
import org.portpass.registry.internal.entity.CompanyEntity;
import org.portpass.registry.internal.entity.PersonEntity;
import org.portpass.registry.internal.entity.VehicleEntity;
import org.portpass.storage.AuditTrail;
import org.portpass.storage.SchemaReady;
import org.portpass.storage.Transactions;

@Component(configurationPid = "org.portpass.registry.attachments")
@Designate(ocd = AttachmentServiceImpl.Config.class)
public class AttachmentServiceImpl implements AttachmentService {

  @ObjectClassDefinition(name = "PortPass attachments")
  public @interface Config {
    @AttributeDefinition(description = "Largest attachment accepted, in bytes")
    long maxBytes() default 5 * 1024 * 1024;
  }

  private final Transactions tx;
  private volatile long maxBytes;

  @Activate
  public AttachmentServiceImpl(
      @Reference(target = "(osgi.unit.name=portpass-registry)") JpaTemplate jpa,
      @Reference(target = RegistrySchema.READY) SchemaReady schema,
      Config config) {
    this.tx = new Transactions(jpa);
    modified(config);
  }

  @Modified
  void modified(Config config) {
    this.maxBytes = config.maxBytes();
  }

  @Override
  public Attachment upload(Caller caller, OwnerKind ownerKind, long ownerId, NewAttachment upload) {
    String fileName = fileName(upload.fileName());
    byte[] bytes = upload.content() == null ? new byte[0] : upload.content();
    FileFormat format = UploadChecks.format(upload, bytes, maxBytes);
    byte[] stored =
        upload.type() == AttachmentType.PHOTO ? FileContents.reencoded(format, bytes) : bytes;
    return tx.write(
        em -> {
          requireOwnerWrite(em, caller, ownerKind, ownerId);
          AttachmentEntity meta = new AttachmentEntity();
          meta.setOwnerKind(ownerKind);
          meta.setOwnerId(ownerId);
          meta.setType(upload.type());
          meta.setFileName(fileName);
          meta.setContentType(format.mediaType());
          meta.setSize(stored.length);
          meta.setSha256(sha256(stored));
          meta.setValidUntil(upload.validUntil());
          meta.setUploadedBy(caller.username());
          meta.setUploadedAt(new Date());
          em.persist(meta);
          em.flush(); // assigns the id the content row is keyed by
          AttachmentContentEntity content = new AttachmentContentEntity();
          content.setAttachmentId(meta.getId());
          content.setContent(stored);
          em.persist(content);
          AuditTrail.append(
              em,
              caller,
              "attachment.upload",
              ownerKind.name().toLowerCase(),
              Long.toString(ownerId),
              null,
              Mappers.attachment(meta).toString());
          return meta;
        },
        Mappers::attachment);
  }

  @Override
  public List<Attachment> list(Caller caller, OwnerKind ownerKind, long ownerId) {
    return tx.read(
        em -> {
          requireOwnerRead(em, caller, ownerKind, ownerId);
          return em
              .createQuery(
                  "SELECT a FROM AttachmentEntity a WHERE a.ownerKind = :kind AND a.ownerId = :id"
                      + " ORDER BY a.id",
                  AttachmentEntity.class)
              .setParameter("kind", ownerKind)
              .setParameter("id", ownerId)
              .getResultList()
              .stream()
              .map(Mappers::attachment)
              .toList();
        });
  }

  @Override
  public Attachment get(Caller caller, OwnerKind ownerKind, long ownerId, long attachmentId) {
    return tx.read(
        em -> {
          requireOwnerRead(em, caller, ownerKind, ownerId);
          return Mappers.attachment(find(em, ownerKind, ownerId, attachmentId));
        });
  }

  @Override
  public AttachmentContent content(
      Caller caller, OwnerKind ownerKind, long ownerId, long attachmentId) {
    return tx.read(
        em -> {
          requireOwnerRead(em, caller, ownerKind, ownerId);
          AttachmentEntity meta = find(em, ownerKind, ownerId, attachmentId);
          AttachmentContentEntity content = em.find(AttachmentContentEntity.class, meta.getId());
          return new AttachmentContent(Mappers.attachment(meta), content.getContent());
        });
  }

  @Override
  public void delete(Caller caller, OwnerKind ownerKind, long ownerId, long attachmentId) {
    tx.write(
        em -> {
          requireOwnerWrite(em, caller, ownerKind, ownerId);
          AttachmentEntity meta = find(em, ownerKind, ownerId, attachmentId);
          AttachmentContentEntity content = em.find(AttachmentContentEntity.class, meta.getId());
          if (content != null) {
            em.remove(content);
          }
          em.remove(meta);
          AuditTrail.append(
              em,
              caller,
              "attachment.delete",
              ownerKind.name().toLowerCase(),
              Long.toString(ownerId),
              Mappers.attachment(meta).toString(),
              null);
        });
  }

  private static AttachmentEntity find(
      EntityManager em, OwnerKind ownerKind, long ownerId, long attachmentId) {
    AttachmentEntity meta = em.find(AttachmentEntity.class, attachmentId);
    if (meta == null || meta.getOwnerKind() != ownerKind || meta.getOwnerId() != ownerId) {
      throw new NotFoundException("attachment", attachmentId);
    }
    return meta;
  }

  /** The company that owns the owner, checking that the owner exists. */
  private static Long owningCompany(EntityManager em, OwnerKind kind, long id) {
    switch (kind) {
      case COMPANY:
        if (em.find(CompanyEntity.class, id) == null) {
          throw new NotFoundException("company", id);
        }
        return id;
      case PERSON:
        PersonEntity person = em.find(PersonEntity.class, id);
        if (person == null) {
          throw new NotFoundException("person", id);
        }
        return person.getCompany() == null ? null : person.getCompany().getId();
      case VEHICLE:
        VehicleEntity vehicle = em.find(VehicleEntity.class, id);
        if (vehicle == null) {
          throw new NotFoundException("vehicle", id);
        }
        return vehicle.getCompany().getId();
      default:
        throw new IllegalArgumentException(kind.name());
    }
  }

  private static void requireOwnerRead(EntityManager em, Caller caller, OwnerKind kind, long id) {
    Access.requireRead(caller, owningCompany(em, kind, id), name(kind), id);
  }

  private static void requireOwnerWrite(EntityManager em, Caller caller, OwnerKind kind, long id) {
    Long company = owningCompany(em, kind, id);
    if (kind == OwnerKind.COMPANY) {
      Access.requireCompanyAdmin(caller, id);
    } else {
      Access.requireWrite(caller, company, name(kind), id);
    }
  }

  private static String name(OwnerKind kind) {
    return kind.name().toLowerCase();
  }

  /**
   * Keeps only the last path segment and printable characters: the name is shown to people, it
   * never addresses storage (content is found by id), so this is about display, not safety.
   */
  static String fileName(String raw) {
    if (raw == null || raw.isBlank()) {
      return "attachment";
    }
    String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.strip().replaceAll("[\\p{Cc}\"<>|*?:]", "_");
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      return "attachment";
    }
    while (name.getBytes(StandardCharsets.UTF_8).length > 200) {
      name = name.substring(0, name.offsetByCodePoints(name.length(), -1));
    }
    return name;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
