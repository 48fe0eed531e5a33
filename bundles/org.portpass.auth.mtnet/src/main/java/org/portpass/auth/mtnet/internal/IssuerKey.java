package org.portpass.auth.mtnet.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MTNet issuer's public key as configured: PEM text inline or in a file, an RSA (2048 bits at
 * least) or EC key, and the configured signature algorithms it can verify.
 */
final class IssuerKey {
  private static final Pattern PEM =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

  private IssuerKey() {}

  /** The PEM text of exactly one of the two settings. */
  static String pemText(String publicKey, String publicKeyFile) {
    boolean inline = publicKey != null && !publicKey.isBlank();
    boolean file = publicKeyFile != null && !publicKeyFile.isBlank();
    if (inline == file) {
      throw new IllegalArgumentException("set exactly one of publicKey and publicKeyFile");
    }
    if (inline) {
      return publicKey;
    }
    try {
      return Files.readString(Path.of(publicKeyFile.strip()), StandardCharsets.ISO_8859_1);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "publicKeyFile " + publicKeyFile.strip() + " cannot be read: " + e, e);
    }
  }

  /**
   * An RSA or EC public key from PEM "SubjectPublicKeyInfo" text ({@code -----BEGIN PUBLIC
   * KEY-----}). Line breaks and other whitespace inside the base64 are ignored, so the PEM may also
   * be written on one line.
   */
  static PublicKey parsePublicKey(String pem) {
    Matcher m = PEM.matcher(pem);
    if (!m.find()) {
      throw new IllegalArgumentException(
          "the public key is not PEM text (-----BEGIN PUBLIC KEY----- ... -----END PUBLIC KEY-----)");
    }
    if (!m.group(1).equals("PUBLIC KEY")) {
      throw new IllegalArgumentException(
          "the public key must be '-----BEGIN PUBLIC KEY-----' (SubjectPublicKeyInfo), not '"
              + m.group(1)
              + "'");
    }
    byte[] der;
    try {
      der = Base64.getDecoder().decode(m.group(2).replaceAll("\\s", ""));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the public key PEM is not valid base64", e);
    }
    for (String type : List.of("RSA", "EC")) {
      try {
        return KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der));
      } catch (GeneralSecurityException | RuntimeException e) {
        // try the next key type
      }
    }
    throw new IllegalArgumentException("the public key PEM is not an RSA or EC public key");
  }

  static JWSVerifier verifier(PublicKey key) {
    if (key instanceof RSAPublicKey rsa) {
      if (rsa.getModulus().bitLength() < 2048) {
        throw new IllegalArgumentException(
            "the RSA public key has "
                + rsa.getModulus().bitLength()
                + " bits, at least 2048 needed");
      }
      return new RSASSAVerifier(rsa);
    }
    try {
      return new ECDSAVerifier((ECPublicKey) key);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("the EC public key is not usable: " + e.getMessage(), e);
    }
  }

  /** The configured algorithms that the key can verify; names are split on commas as well. */
  static Set<JWSAlgorithm> algorithms(
      String[] configured, Set<JWSAlgorithm> supported, PublicKey key) {
    Set<JWSAlgorithm> accepted = new LinkedHashSet<>();
    for (String entry : configured == null ? new String[0] : configured) {
      for (String name : entry.split("[,\\s]+")) {
        if (name.isEmpty()) {
          continue;
        }
        JWSAlgorithm alg = JWSAlgorithm.parse(name);
        if (!JWSAlgorithm.Family.RSA.contains(alg) && !JWSAlgorithm.Family.EC.contains(alg)) {
          throw new IllegalArgumentException(
              "algorithm " + name + " is not supported (RSA and EC signature algorithms only)");
        }
        if (supported.contains(alg)) {
          accepted.add(alg);
        }
      }
    }
    if (accepted.isEmpty()) {
      throw new IllegalArgumentException(
          "none of the algorithms "
              + String.join(",", configured == null ? new String[0] : configured)
              + " fits the "
              + key.getAlgorithm()
              + " public key (it can verify "
              + supported
              + ")");
    }
    return Collections.unmodifiableSet(accepted);
  }
}
