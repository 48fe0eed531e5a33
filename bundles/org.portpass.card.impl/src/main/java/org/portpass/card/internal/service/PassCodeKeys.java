package org.portpass.card.internal.service;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.portpass.application.Pass;
import org.portpass.card.PassCode;
import org.portpass.core.ConflictException;
import org.portpass.storage.Transactions;

/**
 * The Ed25519 key pair that signs pass codes. It lives in the database so that every server node
 * signs with the same key and gates need one public key; the first node to start creates it.
 */
record PassCodeKeys(PrivateKey privateKey, PublicKey publicKey) {
  static final String KEY_ID = "portpass-ed25519-1";

  /**
   * The signed pass code of the pass's card {@code cardSerial}, as its QR code and chip carry it.
   */
  String sign(Pass pass, String cardSerial) {
    return new PassCode(
            pass.number(), cardSerial, pass.validFrom(), pass.validTo(), pass.accessPorts())
        .sign(privateKey);
  }

  static PassCodeKeys loadOrCreate(Transactions tx) {
    Object[] stored = load(tx);
    if (stored == null) {
      KeyPair pair = generate();
      try {
        tx.write(
            em ->
                em.createNativeQuery(
                        "INSERT INTO pass_code_key (key_id, private_key, public_key, created_at)"
                            + " VALUES (?, ?, ?, ?)")
                    .setParameter(1, KEY_ID)
                    .setParameter(2, encode(pair.getPrivate().getEncoded()))
                    .setParameter(3, encode(pair.getPublic().getEncoded()))
                    .setParameter(4, new java.sql.Timestamp(new Date().getTime()))
                    .executeUpdate());
      } catch (ConflictException anotherNodeWasFirst) {
        // fall through and read the other node's key
      }
      stored = load(tx);
    }
    try {
      KeyFactory factory = KeyFactory.getInstance(PassCode.ALGORITHM);
      return new PassCodeKeys(
          factory.generatePrivate(new PKCS8EncodedKeySpec(decode(stored[0]))),
          factory.generatePublic(new X509EncodedKeySpec(decode(stored[1]))));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the stored pass code key cannot be read", e);
    }
  }

  private static Object[] load(Transactions tx) {
    List<?> rows =
        tx.read(
            em ->
                em.createNativeQuery(
                        "SELECT private_key, public_key FROM pass_code_key WHERE key_id = ?")
                    .setParameter(1, KEY_ID)
                    .getResultList());
    return rows.isEmpty() ? null : (Object[]) rows.get(0);
  }

  private static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance(PassCode.ALGORITHM).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
    }
  }

  private static String encode(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static byte[] decode(Object stored) {
    return Base64.getDecoder().decode((String) stored);
  }
}
